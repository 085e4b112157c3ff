package com.telco.complaints.deploy.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each service's Deployment, Service and PodDisruptionBudget: its image, port, probes, environment, security,
 * memory and shutdown, and how it scales.
 */
final class ServiceChecks extends ManifestChecks {

    ServiceChecks(Manifests manifests, String version, List<String> findings) {
        super(manifests, version, findings);
    }

    @Override
    void check() {
        services();
        scaling();
    }

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
            if (m.all(PodDisruptionBudget.class).stream()
                    .noneMatch(p -> selects(p.getSpec().getSelector(), podLabels(d)))) {
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
                            p.getName(), p.getTargetPort() == null ? p.getPort() : p.getTargetPort().getValue(), port,
                            name);
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
                && pod.getVolumes().stream()
                        .anyMatch(vol -> vol.getName().equals(v.getName()) && vol.getEmptyDir() != null));
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

    /** The heap that JVM options give under a memory limit of {@code limit} bytes; null if they leave it to the JVM. */
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
        long grace = Optional.ofNullable(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .orElse(30L);
        var stop = c.getLifecycle() == null ? null : c.getLifecycle().getPreStop();
        long preStop = stop != null && stop.getSleep() != null ? stop.getSleep().getSeconds() : 0;
        long requests = env.containsKey("QUARKUS_SHUTDOWN_TIMEOUT")
                ? Duration.parse(env.get("QUARKUS_SHUTDOWN_TIMEOUT")).toSeconds() : 0;
        if (grace <= preStop + requests + RELAY_DRAIN_SECONDS) {
            fail("Deployment %s: terminationGracePeriodSeconds %d is not longer than the preStop pause (%d s), the "
                    + "wait for requests (%d s) and the outbox relay's drain (%d s)", name, grace, preStop, requests,
                    RELAY_DRAIN_SECONDS);
        }
    }

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
                fail("HorizontalPodAutoscaler %s scales %s, which must run as one instance", name(hpa),
                        SINGLE_INSTANCE);
            }
            m.find(Deployment.class, target.getName()).filter(d -> d.getSpec().getReplicas() != null)
                    .ifPresent(d -> fail("Deployment %s sets replicas although %s scales it: every apply would "
                            + "reset them", name(d), name(hpa)));
        }
        m.find(Deployment.class, SINGLE_INSTANCE).filter(d -> !Objects.equals(d.getSpec().getReplicas(), 1))
                .ifPresent(d -> fail("Deployment %s must run exactly one instance, not %s", SINGLE_INSTANCE,
                        d.getSpec().getReplicas()));
        m.find(Deployment.class, SINGLE_INSTANCE)
                .filter(d -> d.getSpec().getStrategy() == null
                        || !"Recreate".equals(d.getSpec().getStrategy().getType()))
                .ifPresent(d -> fail("Deployment %s must be replaced by stopping the old instance first (strategy "
                        + "Recreate): a rolling update runs two for a while", SINGLE_INSTANCE));
    }
}
