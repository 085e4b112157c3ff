package com.telco.complaints.deploy.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * One image in an OCI image layout tarball (what Jib's buildTar writes with the OCI format): its index, manifest,
 * config and layers, read as the specification says, every blob checked against its digest and size, so that a
 * tarball a registry or a runtime would refuse fails here first.
 */
final class OciImage implements AutoCloseable {

    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file, directory or link of the image's file system, as its last layer leaves it. */
    record FileEntry(String path, int mode, long uid, long gid, long size, boolean directory, boolean regular,
                     String linkName) {

        boolean executable() {
            return (mode & 0111) != 0;
        }
    }

    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();

    OciImage(Path tarball) throws IOException {
        tar = new TarFile(tarball.toFile());
        for (TarArchiveEntry e : tar.getEntries()) {
            entries.put(e.getName().replaceFirst("^\\./", ""), e);
        }
    }

    JsonNode layout() throws IOException {
        return JSON.readTree(bytes("oci-layout"));
    }

    JsonNode index() throws IOException {
        return JSON.readTree(bytes("index.json"));
    }

    /** The only manifest of the index, checked against its descriptor. */
    JsonNode manifest() throws IOException {
        JsonNode manifests = index().path("manifests");
        if (manifests.size() != 1) {
            throw new IllegalStateException("expected one manifest in index.json, found " + manifests.size());
        }
        return JSON.readTree(blob(manifests.get(0)));
    }

    /** The config blob the manifest names, checked against its descriptor. */
    JsonNode config() throws IOException {
        return JSON.readTree(blob(manifest().path("config")));
    }

    List<JsonNode> layers() throws IOException {
        List<JsonNode> layers = new ArrayList<>();
        manifest().path("layers").forEach(layers::add);
        return layers;
    }

    /** The bytes a descriptor points at, after checking their sha256 digest and size. */
    byte[] blob(JsonNode descriptor) throws IOException {
        byte[] bytes = bytes(blobPath(descriptor));
        String digest = "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
        if (!digest.equals(descriptor.path("digest").asText()) || bytes.length != descriptor.path("size").asLong()) {
            throw new IllegalStateException("blob " + descriptor + " has digest " + digest + " and size " + bytes.length);
        }
        return bytes;
    }

    /**
     * Every layer, in order, its compressed digest and size checked against the manifest and its uncompressed
     * digest returned (to compare with the config's rootfs.diff_ids); the entries are handed to {@code visitor},
     * which may read a regular file's content from the stream.
     */
    List<String> walkLayers(LayerVisitor visitor) throws IOException {
        List<String> diffIds = new ArrayList<>();
        for (JsonNode layer : layers()) {
            MessageDigest compressed = sha256();
            MessageDigest uncompressed = sha256();
            TarArchiveEntry entry = entry(blobPath(layer));
            try (DigestInputStream gz = new DigestInputStream(tar.getInputStream(entry), compressed);
                 DigestInputStream raw = new DigestInputStream(new GZIPInputStream(gz), uncompressed);
                 TarArchiveInputStream files = new TarArchiveInputStream(raw)) {
                for (TarArchiveEntry f = files.getNextEntry(); f != null; f = files.getNextEntry()) {
                    visitor.visit(fileEntry(f), files);
                }
                raw.transferTo(OutputStream.nullOutputStream());
                gz.transferTo(OutputStream.nullOutputStream());
            }
            String digest = "sha256:" + HexFormat.of().formatHex(compressed.digest());
            if (!digest.equals(layer.path("digest").asText()) || entry.getSize() != layer.path("size").asLong()) {
                throw new IllegalStateException("layer " + layer + " has digest " + digest);
            }
            diffIds.add("sha256:" + HexFormat.of().formatHex(uncompressed.digest()));
        }
        return diffIds;
    }

    /** The file system the layers make, with the content of the regular files named in {@code read}. */
    FileSystemView fileSystem(Set<String> read) throws IOException {
        Map<String, FileEntry> files = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        List<String> diffIds = walkLayers((file, content) -> {
            String name = file.path().substring(file.path().lastIndexOf('/') + 1);
            if (name.startsWith(".wh.")) {
                String hidden = file.path().substring(0, file.path().lastIndexOf('/') + 1) + name.substring(4);
                files.keySet().removeIf(p -> p.equals(hidden) || p.startsWith(hidden + "/"));
                return;
            }
            files.put(file.path(), file);
            if (file.regular() && read.contains(file.path())) {
                contents.put(file.path(), content.readAllBytes());
            }
        });
        return new FileSystemView(files, contents, diffIds);
    }

    /** Copies one layer's compressed bytes (a tar.gz) to {@code out}. */
    void copyLayer(JsonNode layer, OutputStream out) throws IOException {
        try (InputStream in = tar.getInputStream(entry(blobPath(layer)))) {
            in.transferTo(out);
        }
    }

    record FileSystemView(Map<String, FileEntry> files, Map<String, byte[]> contents, List<String> diffIds) {

        String text(String path) {
            byte[] bytes = contents.get(path);
            if (bytes == null) {
                throw new IllegalStateException(path + " is not a regular file of the image");
            }
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        List<String> under(String directory) {
            return files.keySet().stream().filter(p -> p.startsWith(directory + "/")).toList();
        }
    }

    @FunctionalInterface
    interface LayerVisitor {
        void visit(FileEntry file, InputStream content) throws IOException;
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    private static FileEntry fileEntry(TarArchiveEntry f) {
        String path = "/" + f.getName().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", "");
        String link = f.isSymbolicLink() || f.isLink() ? f.getLinkName() : null;
        return new FileEntry(path, f.getMode() & 07777, f.getLongUserId(), f.getLongGroupId(), f.getSize(),
                f.isDirectory(), f.isFile() && !f.isLink(), link);
    }

    private static String blobPath(JsonNode descriptor) {
        String digest = descriptor.path("digest").asText();
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalStateException("not a sha256 digest: " + descriptor);
        }
        return "blobs/sha256/" + digest.substring("sha256:".length());
    }

    private TarArchiveEntry entry(String name) {
        TarArchiveEntry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalStateException(name + " is not in the tarball; it has " + entries.keySet());
        }
        return entry;
    }

    private byte[] bytes(String name) throws IOException {
        try (InputStream in = tar.getInputStream(entry(name))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
