package com.telco.complaints.deploy.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold of one built kustomization for the suite to start and work on a cluster, checked without a
 * cluster: each finding is one sentence naming the resource. {@link #run} gathers them all, so one run names
 * every defect at once.
 */
final class ManifestChecks {

    static final List<String> SERVICES = List.of("intake-service", "routing-service", "sla-service", "survey-service",
            "analytics-service");
    /** The service that must run as one instance: each analytics instance would publish the audit checkpoints. */
    static final String SINGLE_INSTANCE = "analytics-service";
    static final String EVENTS_TOPIC = "complaint-events";
    /** Marks a Kafka or database cluster that gives up redundancy (overlays/small). */
    static final String NOT_FOR_PRODUCTION = "complaint-suite/not-for-production";
    /**
     * The longest an outbox relay takes to stop: {@code OutboxRelay.stop} waits up to 30 s for the batch in
     * flight, and the relay's producer is closed within 5 s of that.
     */
    static final int RELAY_DRAIN_SECONDS = 35;
    /** The launcher's heap (README, "Memory": -Xmx192m), the least a service is given. */
    static final long LEAST_HEAP = 192L << 20;
    /** What a service needs besides its heap: about 145 MB measured after start-up; kept with a margin. */
    static final long LEAST_NON_HEAP = 160L << 20;

    private final Manifests m;
    private final String version;
    private final List<String> findings = new ArrayList<>();

    private ManifestChecks(Manifests manifests, String version) {
        this.m = manifests;
        this.version = version;
    }

    /** Every finding about {@code manifests}, whose images must carry the tag {@code version}. */
    static List<String> run(Manifests manifests, String version) {
        ManifestChecks checks = new ManifestChecks(manifests, version);
        checks.services();
        checks.references();
        checks.kafka();
        checks.database();
        checks.networkPolicies();
        checks.scaling();
        return checks.findings;
    }

    private void fail(String format, Object... args) {
        findings.add(m.name() + ": " + String.format(format, args));
    }

    // ---- the services ----

    private void services() {
        for (String name : SERVICES) {
            Optional<Deployment> found = m.find(Deployment.class, name);
            if (found.isEmpty()) {
                fail("no Deployment %s", name);
                continue;
            }
            Deployment d = found.get();
            Container c = container(d);
            String image = "complaint-suite/" + name + ":" + version;
            if (!image.equals(c.getImage())) {
                fail("Deployment %s runs image %s, not %s", name, c.getImage(), image);
            }
            int port = httpPort(d, c);
            probes(name, c, port);
            service(name, d, port);
            environment(name, d, c);
            security(name, d, c);
            memory(name, c, env(d, c));
            shutdown(name, d, c, env(d, c));
            if (m.all(PodDisruptionBudget.class).stream().noneMatch(p -> selects(p.getSpec().getSelector(), podLabels(d)))) {
                fail("no PodDisruptionBudget selects the pods of %s", name);
            }
        }
    }

    private int httpPort(Deployment d, Container c) {
        String configured = env(d, c).get("QUARKUS_HTTP_PORT");
        if (configured == null) {
            fail("Deployment %s does not set QUARKUS_HTTP_PORT (the service would listen on its local port)", name(d));
            return -1;
        }
        int port = Integer.parseInt(configured);
        if (c.getPorts().stream().noneMatch(p -> p.getContainerPort() == port)) {
            fail("Deployment %s listens on %d but declares container ports %s", name(d), port,
                    c.getPorts().stream().map(ContainerPort::getContainerPort).toList());
        }
        return port;
    }

    private void probes(String name, Container c, int port) {
        probe(name, "readiness", c.getReadinessProbe(), "/q/health/ready", c, port);
        probe(name, "liveness", c.getLivenessProbe(), "/q/health/live", c, port);
        probe(name, "startup", c.getStartupProbe(), "/q/health/started", c, port);
    }

    private void probe(String name, String kind, Probe probe, String path, Container c, int port) {
        if (probe == null || probe.getHttpGet() == null) {
            fail("Deployment %s has no HTTP %s probe", name, kind);
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            fail("Deployment %s: the %s probe asks %s, not %s", name, kind, probe.getHttpGet().getPath(), path);
        }
        Integer probed = resolve(probe.getHttpGet().getPort(), c);
        if (!Objects.equals(probed, port)) {
            fail("Deployment %s: the %s probe asks port %s, but the service listens on %d", name, kind,
                    probe.getHttpGet().getPort().getValue(), port);
        }
    }

    private void service(String name, Deployment d, int port) {
        List<Service> services = m.all(Service.class).stream()
                .filter(s -> s.getSpec().getSelector() != null && podLabels(d).entrySet()
                        .containsAll(s.getSpec().getSelector().entrySet())).toList();
        if (services.isEmpty()) {
            fail("no Service selects the pods of %s", name);
        }
        for (Service s : services) {
            for (ServicePort p : s.getSpec().getPorts()) {
                Integer target = resolve(p.getTargetPort() == null ? new IntOrString(p.getPort()) : p.getTargetPort(),
                        container(d));
                if (!Objects.equals(target, port)) {
                    fail("Service %s port %s targets %s, which is not the port %d that %s listens on", name(s),
                            p.getName(), p.getTargetPort() == null ? p.getPort() : p.getTargetPort().getValue(), port, name);
                }
            }
        }
    }

    private void environment(String name, Deployment d, Container c) {
        ServiceConfig config = ServiceConfig.of(name);
        for (String variable : env(d, c).keySet()) {
            if (!config.reads(variable)) {
                fail("Deployment %s sets %s, which sets no configuration key that %s reads", name, variable, name);
            }
        }
    }

    private void security(String name, Deployment d, Container c) {
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        boolean nonRoot = Boolean.TRUE.equals(pod.getSecurityContext() == null ? null
                : pod.getSecurityContext().getRunAsNonRoot())
                || (c.getSecurityContext() != null && Boolean.TRUE.equals(c.getSecurityContext().getRunAsNonRoot()));
        if (!nonRoot) {
            fail("Deployment %s may run as root (runAsNonRoot is not true)", name);
        }
        if (c.getSecurityContext() == null || !Boolean.TRUE.equals(c.getSecurityContext().getReadOnlyRootFilesystem())
                || !Boolean.FALSE.equals(c.getSecurityContext().getAllowPrivilegeEscalation())) {
            fail("Deployment %s: the root file system must be read-only and privilege escalation off", name);
        }
        boolean tmp = c.getVolumeMounts().stream().anyMatch(v -> v.getMountPath().equals("/tmp")
                && pod.getVolumes().stream().anyMatch(vol -> vol.getName().equals(v.getName()) && vol.getEmptyDir() != null));
        if (!tmp) {
            fail("Deployment %s has no writable /tmp (an emptyDir) beside its read-only root file system", name);
        }
    }

    private void memory(String name, Container c, Map<String, String> env) {
        Quantity limit = c.getResources() == null ? null : c.getResources().getLimits().get("memory");
        Quantity request = c.getResources() == null ? null : c.getResources().getRequests().get("memory");
        if (limit == null || request == null) {
            fail("Deployment %s needs a memory request and limit", name);
            return;
        }
        long bytes = limit.getNumericalAmount().longValue();
        if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) != 0) {
            fail("Deployment %s requests %s of memory but may use %s: a node short of memory would kill it first",
                    name, request, limit);
        }
        String options = env.getOrDefault("JDK_JAVA_OPTIONS", "");
        Long heap = heap(options, bytes);
        if (heap == null) {
            fail("Deployment %s does not size its heap (-Xmx or -XX:MaxRAMPercentage in JDK_JAVA_OPTIONS)", name);
            return;
        }
        if (heap < LEAST_HEAP) {
            fail("Deployment %s: a heap of %d MiB is below the launcher's 192 MiB", name, heap >> 20);
        }
        if (bytes - heap < LEAST_NON_HEAP) {
            fail("Deployment %s: a memory limit of %s leaves %d MiB beside a %d MiB heap; the JVM needs %d MiB there",
                    name, limit, (bytes - heap) >> 20, heap >> 20, LEAST_NON_HEAP >> 20);
        }
    }

    static Long heap(String options, long limit) {
        Matcher xmx = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)").matcher(options);
        Long heap = null;
        while (xmx.find()) {
            long n = Long.parseLong(xmx.group(1));
            heap = switch (xmx.group(2).toLowerCase()) {
                case "k" -> n << 10;
                case "m" -> n << 20;
                case "g" -> n << 30;
                default -> n;
            };
        }
        if (heap != null) {
            return heap;
        }
        Matcher pct = Pattern.compile("-XX:MaxRAMPercentage=([\\d.]+)").matcher(options);
        while (pct.find()) {
            heap = new BigDecimal(pct.group(1)).multiply(BigDecimal.valueOf(limit)).divide(BigDecimal.valueOf(100))
                    .longValue();
        }
        return heap;
    }

    private void shutdown(String name, Deployment d, Container c, Map<String, String> env) {
        long grace = Optional.ofNullable(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).orElse(30L);
        long preStop = c.getLifecycle() != null && c.getLifecycle().getPreStop() != null
                && c.getLifecycle().getPreStop().getSleep() != null ? c.getLifecycle().getPreStop().getSleep().getSeconds() : 0;
        long requests = env.containsKey("QUARKUS_SHUTDOWN_TIMEOUT")
                ? java.time.Duration.parse(env.get("QUARKUS_SHUTDOWN_TIMEOUT")).toSeconds() : 0;
        if (grace <= preStop + requests + RELAY_DRAIN_SECONDS) {
            fail("Deployment %s: terminationGracePeriodSeconds %d is not longer than the preStop pause (%d s), the wait "
                    + "for requests (%d s) and the outbox relay's drain (%d s)", name, grace, preStop, requests,
                    RELAY_DRAIN_SECONDS);
        }
    }

    // ---- references to Secrets and ConfigMaps ----

    private void references() {
        Map<String, Set<String>> secrets = secretKeys();
        objectStores(secrets);
        Map<String, Set<String>> configMaps = new HashMap<>();
        m.all(ConfigMap.class).forEach(c -> configMaps.put(name(c), keys(c.getData())));
        for (Deployment d : m.all(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (Container c : pod.getContainers()) {
                for (EnvVar e : c.getEnv()) {
                    if (e.getValueFrom() == null) {
                        continue;
                    }
                    var s = e.getValueFrom().getSecretKeyRef();
                    if (s != null) {
                        key(d, "Secret", secrets, s.getName(), s.getKey(), "env " + e.getName());
                    }
                    var cm = e.getValueFrom().getConfigMapKeyRef();
                    if (cm != null) {
                        key(d, "ConfigMap", configMaps, cm.getName(), cm.getKey(), "env " + e.getName());
                    }
                }
                for (EnvFromSource from : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null && !configMaps.containsKey(from.getConfigMapRef().getName())) {
                        fail("Deployment %s: envFrom names ConfigMap %s, which does not exist", name(d),
                                from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null && !secrets.containsKey(from.getSecretRef().getName())) {
                        fail("Deployment %s: envFrom names Secret %s, which does not exist", name(d),
                                from.getSecretRef().getName());
                    }
                }
            }
            for (Volume v : pod.getVolumes()) {
                if (v.getSecret() != null) {
                    volume(d, "Secret", secrets, v.getSecret().getSecretName(), v.getSecret().getItems(), v.getName());
                }
                if (v.getConfigMap() != null) {
                    volume(d, "ConfigMap", configMaps, v.getConfigMap().getName(), v.getConfigMap().getItems(), v.getName());
                }
            }
        }
    }

    /** The credentials of a backup object store (overlays/production-backup). */
    private void objectStores(Map<String, Set<String>> secrets) {
        for (GenericKubernetesResource store : m.generic("ObjectStore")) {
            Object credentials = store.get("spec", "configuration", "s3Credentials");
            if (!(credentials instanceof Map<?, ?> refs)) {
                continue;
            }
            refs.forEach((field, ref) -> {
                Map<String, Object> r = Kustomize.map(ref);
                Set<String> keys = secrets.get(String.valueOf(r.get("name")));
                if (keys == null || !keys.contains(String.valueOf(r.get("key")))) {
                    fail("ObjectStore %s: %s reads key %s of Secret %s, which does not exist", name(store), field,
                            r.get("key"), r.get("name"));
                }
            });
        }
    }

    private void volume(Deployment d, String kind, Map<String, Set<String>> known, String name, List<KeyToPath> items,
                        String volume) {
        if (items.isEmpty() && !known.containsKey(name)) {
            fail("Deployment %s: volume %s mounts %s %s, which does not exist", name(d), volume, kind, name);
        }
        items.forEach(i -> key(d, kind, known, name, i.getKey(), "volume " + volume));
    }

    private void key(Deployment d, String kind, Map<String, Set<String>> known, String name, String key, String where) {
        if (!known.containsKey(name)) {
            fail("Deployment %s: %s reads %s %s, which does not exist", name(d), where, kind, name);
        } else if (!known.get(name).contains(key)) {
            fail("Deployment %s: %s reads key %s of %s %s, which has only %s", name(d), where, key, kind, name,
                    new TreeSet<>(known.get(name)));
        }
    }

    /** The Secrets of the manifests, and those the operators write: a KafkaUser's login, the Kafka cluster's CA. */
    private Map<String, Set<String>> secretKeys() {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (Secret s : m.all(Secret.class)) {
            Set<String> keys = new TreeSet<>(keys(s.getData()));
            keys.addAll(keys(s.getStringData()));
            secrets.put(name(s), keys);
        }
        m.all(KafkaUser.class).forEach(u -> secrets.put(name(u), Set.of("password", "sasl.jaas.config")));
        m.all(Kafka.class).forEach(k -> secrets.put(name(k) + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password")));
        return secrets;
    }

    // ---- the broker ----

    private void kafka() {
        Map<String, String> client = m.find(ConfigMap.class, "kafka-client").map(ConfigMap::getData).orElse(Map.of());
        String bootstrap = client.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
        Matcher address = Pattern.compile("([a-z0-9-]+)-kafka-bootstrap(?:\\.[a-z0-9.-]+)?:(\\d+)").matcher(bootstrap);
        if (!address.matches()) {
            fail("KAFKA_BOOTSTRAP_SERVERS '%s' is not a Strimzi bootstrap Service (<cluster>-kafka-bootstrap:<port>)",
                    bootstrap);
            return;
        }
        Optional<Kafka> found = m.find(Kafka.class, address.group(1));
        if (found.isEmpty()) {
            fail("no Kafka %s, which KAFKA_BOOTSTRAP_SERVERS names", address.group(1));
            return;
        }
        Kafka kafka = found.get();
        int port = Integer.parseInt(address.group(2));
        Optional<GenericKafkaListener> listener = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> l.getPort() == port).findFirst();
        if (listener.isEmpty()) {
            fail("Kafka %s has no listener on port %d, which KAFKA_BOOTSTRAP_SERVERS names", name(kafka), port);
        } else {
            boolean ssl = "SASL_SSL".equals(client.get("KAFKA_SECURITY_PROTOCOL"));
            if (listener.get().isTls() != ssl || !(listener.get().getAuth() instanceof KafkaListenerAuthenticationScramSha512)
                    || !"SCRAM-SHA-512".equals(client.get("KAFKA_SASL_MECHANISM"))) {
                fail("Kafka %s listener %s (tls %s, %s) does not match the clients' %s with %s", name(kafka),
                        listener.get().getName(), listener.get().isTls(), listener.get().getAuth(),
                        client.get("KAFKA_SECURITY_PROTOCOL"), client.get("KAFKA_SASL_MECHANISM"));
            }
        }
        if (!(kafka.getSpec().getKafka().getAuthorization() instanceof KafkaAuthorizationSimple)) {
            fail("Kafka %s does not authorize with ACLs (authorization: simple)", name(kafka));
        }
        List<KafkaNodePool> pools = m.all(KafkaNodePool.class).stream()
                .filter(p -> name(kafka).equals(label(p.getMetadata().getLabels(), "strimzi.io/cluster"))).toList();
        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        int controllers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        if (brokers == 0 || controllers == 0) {
            fail("Kafka %s needs node pools with brokers and controllers (found %d and %d)", name(kafka), brokers, controllers);
        }
        boolean redundant = brokers >= 3 && controllers >= 3;
        for (KafkaTopic t : m.all(KafkaTopic.class)) {
            if (!name(kafka).equals(label(t.getMetadata().getLabels(), "strimzi.io/cluster"))) {
                fail("KafkaTopic %s does not belong to Kafka %s (label strimzi.io/cluster)", name(t), name(kafka));
            }
            int replicas = t.getSpec().getReplicas();
            if (replicas > brokers) {
                fail("KafkaTopic %s wants %d replicas of %d brokers", name(t), replicas, brokers);
            }
            int minIsr = Integer.parseInt(String.valueOf(t.getSpec().getConfig().getOrDefault("min.insync.replicas", 1)));
            if (replicas >= 3 && minIsr != replicas - 1) {
                fail("KafkaTopic %s: min.insync.replicas is %d with %d replicas (want %d)", name(t), minIsr, replicas,
                        replicas - 1);
            }
            redundant &= replicas >= 3;
        }
        if (!redundant && !notForProduction(kafka.getMetadata().getAnnotations())) {
            fail("Kafka %s runs %d brokers and %d controllers with topics of fewer than 3 replicas, but is not marked %s",
                    name(kafka), brokers, controllers, NOT_FOR_PRODUCTION);
        }
        if (redundant && notForProduction(kafka.getMetadata().getAnnotations())) {
            fail("Kafka %s is marked %s but is redundant", name(kafka), NOT_FOR_PRODUCTION);
        }
        Optional<KafkaTopic> events = m.find(KafkaTopic.class, EVENTS_TOPIC);
        if (events.isEmpty()) {
            fail("no KafkaTopic %s", EVENTS_TOPIC);
        } else if (!String.valueOf(events.get().getSpec().getConfig().get("retention.ms")).equals("-1")) {
            fail("KafkaTopic %s is not kept forever (retention.ms %s)", EVENTS_TOPIC,
                    events.get().getSpec().getConfig().get("retention.ms"));
        }
        for (Deployment d : m.all(Deployment.class)) {
            EnvVar jaas = container(d).getEnv().stream().filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                    .findFirst().orElse(null);
            if (jaas == null || jaas.getValueFrom() == null || jaas.getValueFrom().getSecretKeyRef() == null) {
                fail("Deployment %s has no Kafka login (KAFKA_SASL_JAAS_CONFIG from its KafkaUser's Secret)", name(d));
                continue;
            }
            String user = jaas.getValueFrom().getSecretKeyRef().getName();
            if (!user.equals(name(d))) {
                fail("Deployment %s logs in to Kafka as %s, not as itself", name(d), user);
            }
            Optional<KafkaUser> u = m.find(KafkaUser.class, user);
            if (u.isPresent() && (!name(kafka).equals(label(u.get().getMetadata().getLabels(), "strimzi.io/cluster"))
                    || !(u.get().getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication))) {
                fail("KafkaUser %s is not a SCRAM-SHA-512 user of Kafka %s", user, name(kafka));
            }
        }
    }

    // ---- the database ----

    private void database() {
        String url = m.find(ConfigMap.class, "database").map(c -> c.getData().get("QUARKUS_DATASOURCE_JDBC_URL")).orElse("");
        Matcher jdbc = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw(?:\\.[a-z0-9.-]+)?:5432/([a-z0-9_]+)").matcher(url);
        if (!jdbc.matches()) {
            fail("QUARKUS_DATASOURCE_JDBC_URL '%s' is not the read-write Service of a CloudNativePG cluster", url);
            return;
        }
        Optional<GenericKubernetesResource> found = m.generic("Cluster").stream()
                .filter(c -> name(c).equals(jdbc.group(1))).findFirst();
        if (found.isEmpty()) {
            fail("no CloudNativePG Cluster %s, which QUARKUS_DATASOURCE_JDBC_URL names", jdbc.group(1));
            return;
        }
        GenericKubernetesResource cluster = found.get();
        String database = jdbc.group(2);
        if (!database.equals(cluster.get("spec", "bootstrap", "initdb", "database"))) {
            fail("Cluster %s creates database %s, not %s", name(cluster), cluster.get("spec", "bootstrap", "initdb", "database"),
                    database);
        }
        Object instances = cluster.get("spec", "instances");
        if (!(instances instanceof Number n) || (n.intValue() < 3 && !notForProduction(cluster.getMetadata().getAnnotations()))) {
            fail("Cluster %s runs %s instances but is not marked %s", name(cluster), instances, NOT_FOR_PRODUCTION);
        }
        Map<String, Map<String, Object>> roles = new LinkedHashMap<>();
        for (Object r : Kustomize.list(cluster.get("spec", "managed", "roles"))) {
            Map<String, Object> role = Kustomize.map(r);
            roles.put((String) role.get("name"), role);
        }
        Map<String, Set<String>> secrets = secretKeys();
        for (String service : SERVICES) {
            String schema = ServiceConfig.of(service).value("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema")
                    .orElse("?");
            String roleName = database + "_" + schema;
            Map<String, Object> role = roles.get(roleName);
            if (role == null) {
                fail("Cluster %s manages no role %s for %s", name(cluster), roleName, service);
                continue;
            }
            String secretName = role.get("passwordSecret") instanceof Map<?, ?> p ? String.valueOf(p.get("name")) : null;
            Optional<Secret> secret = m.find(Secret.class, String.valueOf(secretName));
            if (secret.isEmpty() || !"kubernetes.io/basic-auth".equals(secret.get().getType())
                    || !roleName.equals(stringValue(secret.get(), "username")) || !secrets.get(secretName).contains("password")) {
                fail("role %s: its passwordSecret %s must be a basic-auth Secret with username %s and a password",
                        roleName, secretName, roleName);
            }
            m.find(Deployment.class, service).ifPresent(d -> container(d).getEnv().stream()
                    .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_USERNAME") || e.getName().equals("QUARKUS_DATASOURCE_PASSWORD"))
                    .filter(e -> e.getValueFrom() == null || e.getValueFrom().getSecretKeyRef() == null
                            || !e.getValueFrom().getSecretKeyRef().getName().equals(secretName))
                    .forEach(e -> fail("Deployment %s: %s does not come from %s, the Secret of role %s", service, e.getName(),
                            secretName, roleName)));
        }
    }

    private static String stringValue(Secret s, String key) {
        if (s.getStringData() != null && s.getStringData().containsKey(key)) {
            return s.getStringData().get(key);
        }
        String encoded = s.getData() == null ? null : s.getData().get(key);
        return encoded == null ? null : new String(java.util.Base64.getDecoder().decode(encoded));
    }

    // ---- network policies ----

    private void networkPolicies() {
        String kafka = m.all(Kafka.class).stream().map(ManifestChecks::name).findFirst().orElse("?");
        Set<Integer> kafkaPorts = new TreeSet<>();
        m.all(Kafka.class).forEach(k -> k.getSpec().getKafka().getListeners().forEach(l -> kafkaPorts.add(l.getPort())));
        String cluster = m.generic("Cluster").stream().map(ManifestChecks::name).findFirst().orElse("?");
        for (Deployment d : m.all(Deployment.class)) {
            List<NetworkPolicy> policies = m.all(NetworkPolicy.class).stream()
                    .filter(p -> selects(p.getSpec().getPodSelector(), podLabels(d))).toList();
            if (policies.isEmpty()) {
                fail("no NetworkPolicy selects the pods of %s", name(d));
                continue;
            }
            Set<Integer> ports = new TreeSet<>();
            container(d).getPorts().forEach(p -> ports.add(p.getContainerPort()));
            for (NetworkPolicy p : policies) {
                if (!p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))) {
                    fail("NetworkPolicy %s does not restrict both ingress and egress of %s", name(p), name(d));
                }
                for (NetworkPolicyIngressRule rule : p.getSpec().getIngress()) {
                    if (rule.getPorts().isEmpty() || rule.getPorts().stream().anyMatch(port -> !ports.contains(
                            resolve(port.getPort(), container(d))))) {
                        fail("NetworkPolicy %s lets %s receive on ports other than %s", name(p), name(d), ports);
                    }
                }
                for (NetworkPolicyEgressRule rule : p.getSpec().getEgress()) {
                    if (!rule.getTo().stream().allMatch(to -> allowedPeer(to, rule.getPorts(), kafka, kafkaPorts, cluster))
                            || rule.getTo().isEmpty()) {
                        fail("NetworkPolicy %s lets %s reach %s on %s: only the brokers of Kafka %s, the instances of "
                                + "Cluster %s and the cluster DNS are allowed", name(p), name(d), rule.getTo().stream().map(ManifestChecks::describe).toList(),
                                portNumbers(rule.getPorts()), kafka, cluster);
                    }
                }
            }
        }
    }

    private static boolean allowedPeer(NetworkPolicyPeer to, List<NetworkPolicyPort> ports, String kafka,
                                       Set<Integer> kafkaPorts, String cluster) {
        if (to.getIpBlock() != null || to.getPodSelector() == null) {
            return false;
        }
        Map<String, String> labels = Optional.ofNullable(to.getPodSelector().getMatchLabels()).orElse(Map.of());
        Set<Integer> numbers = portNumbers(ports);
        if (numbers.isEmpty()) {
            return false;
        }
        if (to.getNamespaceSelector() == null) {
            if (kafka.equals(labels.get("strimzi.io/cluster")) && "Kafka".equals(labels.get("strimzi.io/kind"))) {
                return kafkaPorts.containsAll(numbers);
            }
            if (cluster.equals(labels.get("cnpg.io/cluster"))) {
                return Set.of(5432).containsAll(numbers);
            }
            return false;
        }
        Map<String, String> namespace = Optional.ofNullable(to.getNamespaceSelector().getMatchLabels()).orElse(Map.of());
        return "kube-system".equals(namespace.get("kubernetes.io/metadata.name")) && "kube-dns".equals(labels.get("k8s-app"))
                && Set.of(53).containsAll(numbers);
    }

    private static String describe(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "ipBlock " + peer.getIpBlock().getCidr();
        }
        return (peer.getNamespaceSelector() == null ? "" : "namespaces " + peer.getNamespaceSelector().getMatchLabels() + " ")
                + "pods " + (peer.getPodSelector() == null ? "(any)" : peer.getPodSelector().getMatchLabels());
    }

    private static Set<Integer> portNumbers(List<NetworkPolicyPort> ports) {
        Set<Integer> numbers = new TreeSet<>();
        ports.forEach(p -> numbers.add(p.getPort() == null ? -1 : p.getPort().getIntVal() == null ? -1 : p.getPort().getIntVal()));
        return numbers;
    }

    // ---- scaling ----

    private void scaling() {
        int partitions = m.find(KafkaTopic.class, EVENTS_TOPIC).map(t -> t.getSpec().getPartitions()).orElse(0);
        for (HorizontalPodAutoscaler hpa : m.all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            if (!"Deployment".equals(target.getKind()) || m.find(Deployment.class, target.getName()).isEmpty()) {
                fail("HorizontalPodAutoscaler %s scales %s %s, which does not exist", name(hpa), target.getKind(),
                        target.getName());
            }
            if (hpa.getSpec().getMaxReplicas() > partitions) {
                fail("HorizontalPodAutoscaler %s may run %d instances, more than the %d partitions of %s: the extra "
                        + "ones would have nothing to consume", name(hpa), hpa.getSpec().getMaxReplicas(), partitions,
                        EVENTS_TOPIC);
            }
            if (SINGLE_INSTANCE.equals(target.getName())) {
                fail("HorizontalPodAutoscaler %s scales %s, which must run as one instance", name(hpa), SINGLE_INSTANCE);
            }
            m.find(Deployment.class, target.getName()).filter(d -> d.getSpec().getReplicas() != null)
                    .ifPresent(d -> fail("Deployment %s sets replicas although %s scales it: every apply would reset them",
                            name(d), name(hpa)));
        }
        m.find(Deployment.class, SINGLE_INSTANCE).filter(d -> !Objects.equals(d.getSpec().getReplicas(), 1))
                .ifPresent(d -> fail("Deployment %s must run exactly one instance, not %s", SINGLE_INSTANCE,
                        d.getSpec().getReplicas()));
        m.find(Deployment.class, SINGLE_INSTANCE).filter(d -> d.getSpec().getStrategy() == null || !"Recreate".equals(d.getSpec().getStrategy().getType()))
                .ifPresent(d -> fail("Deployment %s must be replaced by stopping the old instance first (strategy "
                        + "Recreate): a rolling update runs two for a while", SINGLE_INSTANCE));
    }

    // ---- helpers ----

    /** The service's environment: its own variables over those of the ConfigMaps it takes whole. */
    private Map<String, String> env(Deployment d, Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                m.find(ConfigMap.class, from.getConfigMapRef().getName()).ifPresent(cm -> env.putAll(cm.getData()));
            }
            if (from.getSecretRef() != null) {
                m.find(Secret.class, from.getSecretRef().getName()).ifPresent(s -> {
                    keys(s.getData()).forEach(k -> env.put(k, "(secret)"));
                    keys(s.getStringData()).forEach(k -> env.put(k, "(secret)"));
                });
            }
        }
        for (EnvVar e : c.getEnv()) {
            env.put(e.getName(), e.getValue() != null ? e.getValue() : "(from " + e.getValueFrom() + ")");
        }
        return env;
    }

    private static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, String> podLabels(Deployment d) {
        return Optional.ofNullable(d.getSpec().getTemplate().getMetadata().getLabels()).orElse(Map.of());
    }

    /** Whether {@code selector} (matchLabels and In expressions) selects pods with {@code labels}. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        boolean matches = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        for (var expression : selector.getMatchExpressions()) {
            matches &= switch (expression.getOperator()) {
                case "In" -> expression.getValues().contains(labels.get(expression.getKey()));
                case "NotIn" -> !expression.getValues().contains(labels.get(expression.getKey()));
                case "Exists" -> labels.containsKey(expression.getKey());
                case "DoesNotExist" -> !labels.containsKey(expression.getKey());
                default -> false;
            };
        }
        return matches;
    }

    /** A port by number or by the name of one of the container's ports. */
    private static Integer resolve(IntOrString port, Container c) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElse(null);
    }

    private static boolean notForProduction(Map<String, String> annotations) {
        return annotations != null && annotations.containsKey(NOT_FOR_PRODUCTION);
    }

    private static String label(Map<String, String> labels, String key) {
        return labels == null ? null : labels.get(key);
    }

    private static Set<String> keys(Map<String, String> data) {
        return data == null ? Set.of() : data.keySet();
    }

    private static String name(io.fabric8.kubernetes.api.model.HasMetadata r) {
        return r.getMetadata().getName();
    }
}
