package com.telco.complaints.deploy.k8s;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The part of {@code kustomize build} that deploy/k8s uses, since no kustomize binary is at hand here: a
 * kustomization's {@code resources} (files, possibly of several documents, and directories holding a
 * kustomization of their own, built first), its {@code patches}, {@code images} and {@code namespace}, in
 * that order. A patch is either a strategic-merge patch (one object, applied to the resource of its kind and
 * name, or to every resource its {@code target} selects), or a JSON patch (a list of {@code add},
 * {@code replace} and {@code remove} operations) applied to every resource its {@code target} selects. A
 * target selects by {@code kind}, {@code name} (a regular expression, as in kustomize) and
 * {@code labelSelector} (equality terms only). Anything else in a kustomization is refused, so that what
 * this builds is what kustomize builds.
 *
 * <p>The strategic merge here merges maps key by key, replaces a key given {@code null} by nothing, merges
 * lists of maps that all carry a {@code name} by that name (containers, env, volumes) and replaces every
 * other list: kustomize's rules for the fields the manifests patch.
 */
final class Kustomize {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> KNOWN = List.of("apiVersion", "kind", "namespace", "resources", "patches",
            "images");

    private Kustomize() {}

    /** The resources of the kustomization in {@code dir}, as kustomize would print them. */
    static List<Map<String, Object>> build(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        Map<String, Object> kustomization = readOne(file);
        for (String key : kustomization.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException(file + ": '" + key + "' is not supported by this build (only "
                        + KNOWN + ")");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(kustomization.get("resources"))) {
            Path path = dir.resolve((String) entry).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path));
            } else {
                resources.addAll(readAll(path));
            }
        }
        for (Object entry : list(kustomization.get("patches"))) {
            patch(resources, dir, map(entry), file);
        }
        for (Object entry : list(kustomization.get("images"))) {
            setImage(resources, map(entry));
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            resources.forEach(r -> metadata(r).put("namespace", namespace));
        }
        return resources;
    }

    static List<Map<String, Object>> readAll(Path file) {
        try (MappingIterator<Map<String, Object>> docs = YAML.readerFor(new TypeReference<Map<String, Object>>() {})
                .readValues(file.toFile())) {
            List<Map<String, Object>> all = new ArrayList<>();
            while (docs.hasNext()) {
                Map<String, Object> doc = docs.next();
                if (doc != null && !doc.isEmpty()) {
                    all.add(doc);
                }
            }
            return all;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> readOne(Path file) {
        List<Map<String, Object>> docs = readAll(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + " must hold one document, not " + docs.size());
        }
        return docs.get(0);
    }

    private static void patch(List<Map<String, Object>> resources, Path dir, Map<String, Object> entry, Path file) {
        Object body;
        try {
            body = entry.containsKey("path")
                    ? YAML.readValue(dir.resolve((String) entry.get("path")).toFile(), Object.class)
                    : YAML.readValue((String) entry.get("patch"), Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read patch " + entry + ": " + e.getMessage(), e);
        }
        Map<String, Object> target = entry.containsKey("target") ? map(entry.get("target")) : null;
        List<Map<String, Object>> selected;
        if (target != null) {
            selected = resources.stream().filter(r -> selects(target, r)).toList();
        } else if (body instanceof Map<?, ?> smp) {
            Map<String, Object> patch = map(smp);
            selected = resources.stream().filter(r -> Objects.equals(r.get("kind"), patch.get("kind"))
                    && Objects.equals(metadata(r).get("name"), metadata(patch).get("name"))).toList();
        } else {
            throw new IllegalArgumentException(file + ": a JSON patch needs a target: " + entry);
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException(file + ": patch " + entry + " matches no resource");
        }
        for (Map<String, Object> resource : selected) {
            if (body instanceof List<?> operations) {
                operations.forEach(op -> JsonPatch.apply(resource, map(op)));
            } else {
                Map<String, Object> patch = new LinkedHashMap<>(map(body));
                if (target != null) {
                    // With a target, the patch's own name (if any) does not rename what it patches.
                    patch.remove("metadata");
                    if (map(body).get("metadata") instanceof Map<?, ?> meta) {
                        Map<String, Object> kept = new LinkedHashMap<>(map(meta));
                        kept.remove("name");
                        patch.put("metadata", kept);
                    }
                }
                merge(resource, patch);
            }
        }
    }

    private static boolean selects(Map<String, Object> target, Map<String, Object> resource) {
        if (target.containsKey("kind") && !target.get("kind").equals(resource.get("kind"))) {
            return false;
        }
        if (target.containsKey("name")
                && !Pattern.matches((String) target.get("name"), String.valueOf(metadata(resource).get("name")))) {
            return false;
        }
        if (target.containsKey("labelSelector")) {
            Map<String, Object> labels = map(metadata(resource).getOrDefault("labels", Map.of()));
            for (String term : ((String) target.get("labelSelector")).split(",")) {
                String[] kv = term.trim().split("=", 2);
                if (kv.length != 2 || !kv[1].equals(labels.get(kv[0]))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Strategic merge as described in the class comment. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object existing = into.get(key);
            if (value == null) {
                into.remove(key);
            } else if (existing instanceof Map<?, ?> old && value instanceof Map<?, ?> update) {
                merge((Map<String, Object>) old, (Map<String, Object>) update);
            } else if (existing instanceof List<?> old && value instanceof List<?> update && namedMaps(old)
                    && namedMaps(update)) {
                for (Object item : update) {
                    Map<String, Object> named = (Map<String, Object>) item;
                    Map<String, Object> same = (Map<String, Object>) old.stream()
                            .filter(o -> ((Map<String, Object>) o).get("name").equals(named.get("name")))
                            .findFirst().orElse(null);
                    if (same == null) {
                        ((List<Object>) old).add(deepCopy(named));
                    } else {
                        merge(same, named);
                    }
                }
            } else {
                into.put(key, deepCopy(value));
            }
        });
    }

    private static boolean namedMaps(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map<?, ?> m && m.get("name") != null);
    }

    private static void setImage(List<Map<String, Object>> resources, Map<String, Object> image) {
        String name = (String) image.get("name");
        for (Map<String, Object> resource : resources) {
            Object spec = resource.get("spec");
            if (!"Deployment".equals(resource.get("kind")) || spec == null) {
                continue;
            }
            Map<String, Object> pod = map(map(map(spec).get("template")).get("spec"));
            for (Object c : list(pod.get("containers"))) {
                Map<String, Object> container = map(c);
                String current = (String) container.get("image");
                String repository = current.replaceFirst("[:@].*$", "");
                if (!repository.equals(name)) {
                    continue;
                }
                String newName = (String) image.getOrDefault("newName", repository);
                String tag = current.contains(":") ? current.substring(current.indexOf(':')) : "";
                if (image.containsKey("newTag")) {
                    tag = ":" + image.get("newTag");
                }
                container.put("image", newName + tag);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> resource) {
        return (Map<String, Object>) resource.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a map, found " + value);
        }
        return (Map<String, Object>) value;
    }

    static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    static Object deepCopy(Object value) {
        return YAML.convertValue(value, Object.class);
    }

    /** RFC 6902 add, replace and remove, with JSON pointers (RFC 6901) into maps and lists. */
    static final class JsonPatch {
        private JsonPatch() {}

        @SuppressWarnings("unchecked")
        static void apply(Map<String, Object> resource, Map<String, Object> op) {
            String operation = (String) op.get("op");
            String[] path = ((String) op.get("path")).substring(1).split("/");
            Object parent = resource;
            for (int i = 0; i < path.length - 1; i++) {
                parent = child(parent, unescape(path[i]), op);
            }
            String last = unescape(path[path.length - 1]);
            switch (operation) {
                case "add", "replace" -> {
                    Object value = deepCopy(op.get("value"));
                    if (parent instanceof Map<?, ?> m) {
                        if ("replace".equals(operation) && !m.containsKey(last)) {
                            throw new IllegalArgumentException("replace of a missing member: " + op);
                        }
                        ((Map<String, Object>) m).put(last, value);
                    } else {
                        List<Object> l = (List<Object>) parent;
                        if ("-".equals(last)) {
                            l.add(value);
                        } else if ("add".equals(operation)) {
                            l.add(Integer.parseInt(last), value);
                        } else {
                            l.set(Integer.parseInt(last), value);
                        }
                    }
                }
                case "remove" -> {
                    if (parent instanceof Map<?, ?> m) {
                        if (m.remove(last) == null) {
                            throw new IllegalArgumentException("remove of a missing member: " + op);
                        }
                    } else {
                        ((List<Object>) parent).remove(Integer.parseInt(last));
                    }
                }
                default -> throw new IllegalArgumentException("unsupported JSON patch operation: " + op);
            }
        }

        private static Object child(Object parent, String key, Map<String, Object> op) {
            Object child = parent instanceof Map<?, ?> m ? m.get(key) : ((List<?>) parent).get(Integer.parseInt(key));
            if (child == null) {
                throw new IllegalArgumentException("JSON patch path not found: " + op);
            }
            return child;
        }

        private static String unescape(String token) {
            return token.replace("~1", "/").replace("~0", "~");
        }
    }
}
