package com.telco.complaints.deploy.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every Secret and ConfigMap key that a Deployment or a backup object store reads exists. */
final class ReferenceChecks extends ManifestChecks {

    ReferenceChecks(Manifests manifests, String version, List<String> findings) {
        super(manifests, version, findings);
    }

    @Override
    void check() {
        references();
    }

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
                    volume(d, "ConfigMap", configMaps, v.getConfigMap().getName(), v.getConfigMap().getItems(),
                            v.getName());
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
}
