package com.telco.complaints.deploy.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random secrets (passwords, keys) kept in files of a data directory, readable by their owner only. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A new random secret: 144 bits, hex. */
    public static String newSecret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The secret kept in {@code dir/file}, created there on first use: the same on every start, so
     * that whatever was given it (a database role, a broker's credential) keeps working.
     */
    public static String in(Path dir, String file) {
        Path path = dir.resolve(file);
        try {
            if (!Files.exists(path)) {
                Files.createDirectories(dir);
                writeOwnerOnly(path, newSecret());
            }
            return Files.readString(path).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the secret " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} to {@code path} whole (a reader never sees half of it), readable by the owner only. */
    public static void writeOwnerOnly(Path path, String text) throws IOException {
        Path tmp = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the directory's permissions protect it
        }
        Files.writeString(tmp, text);
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
