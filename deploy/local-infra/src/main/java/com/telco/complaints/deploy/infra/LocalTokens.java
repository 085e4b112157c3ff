package com.telco.complaints.deploy.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Bearer tokens for the embedded default, where no identity provider runs: an RSA key pair under the
 * suite's data directory, whose public half the services verify tokens with (MicroProfile JWT,
 * {@code mp.jwt.verify.publickey.location}), and signed JWTs (RS256) of a person or system with its
 * role. A real deployment points the services at its OIDC provider's issuer and key set instead and
 * never needs this class.
 */
public final class LocalTokens {

    /** The issuer ({@code iss}) of local tokens, and what the services expect unless configured otherwise. */
    public static final String ISSUER = "complaint-suite-local";
    /** The roles of the suite (the {@code groups} claim). */
    public static final Set<String> ROLES = Set.of("submitter", "agent", "surveyor", "operator", "auditor", "admin");

    private static final String PRIVATE_FILE = "token-signing-key.pem";
    private static final String PUBLIC_FILE = "token-verification-key.pem";

    private final PrivateKey signingKey;
    private final PublicKey verificationKey;
    private final String issuer;

    private LocalTokens(PrivateKey signingKey, PublicKey verificationKey, String issuer) {
        this.signingKey = signingKey;
        this.verificationKey = verificationKey;
        this.issuer = issuer;
    }

    /** Who a token speaks for. {@code department} is required for an agent and refused for anyone else. */
    public record Caller(String subject, String name, String role, String department) {
        public Caller {
            if (subject == null || subject.isBlank()) {
                throw new IllegalArgumentException("a token needs a subject");
            }
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("unknown role " + role + "; one of " + String.join(", ", roles()));
            }
            if ("agent".equals(role) && (department == null || department.isBlank())) {
                throw new IllegalArgumentException("an agent's token needs a department");
            }
            if (!"agent".equals(role) && department != null) {
                throw new IllegalArgumentException("only an agent's token has a department");
            }
        }
    }

    /** A key pair in memory only (tests): nothing is written. */
    public static LocalTokens inMemory() {
        KeyPair pair = newKeyPair();
        return new LocalTokens(pair.getPrivate(), pair.getPublic(), ISSUER);
    }

    /** The key pair of a signing key in PEM ({@link #signingKeyPem}). */
    public static LocalTokens ofSigningKey(String pem) {
        try {
            return fromPrivate(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(unpem(pem))));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA private key in PEM: " + e.getMessage(), e);
        }
    }

    /** The signing key in PEM: a secret, for {@link #ofSigningKey} in another class loader of the same test JVM. */
    public String signingKeyPem() {
        return pem("PRIVATE KEY", signingKey.getEncoded());
    }

    private static LocalTokens fromPrivate(PrivateKey signing) throws GeneralSecurityException {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) signing;
        PublicKey verification = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return new LocalTokens(signing, verification, ISSUER);
    }

    /** The key pair under {@code dir}, created (readable by the owner only) when absent. */
    public static LocalTokens in(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        try {
            if (!Files.exists(privateFile)) {
                Files.createDirectories(dir);
                KeyPair pair = newKeyPair();
                Path tmp = Files.createTempFile(dir, PRIVATE_FILE, ".tmp");
                trySetOwnerOnly(tmp);
                Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.move(tmp, privateFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            LocalTokens tokens = fromPrivate(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privateFile)))));
            String publicPem = tokens.verificationKeyPem();
            if (!Files.exists(publicFile) || !Files.readString(publicFile).equals(publicPem)) {
                Files.writeString(publicFile, publicPem);
            }
            return tokens;
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("cannot read or create the token keys under " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Where {@link #in} keeps the public key, for {@code mp.jwt.verify.publickey.location}. */
    public static Path verificationKeyFile(Path dir) {
        return dir.resolve(PUBLIC_FILE);
    }

    /** The public key as PEM, for {@code mp.jwt.verify.publickey} (the key inline). */
    public String verificationKeyPem() {
        return pem("PUBLIC KEY", verificationKey.getEncoded());
    }

    public String issuer() {
        return issuer;
    }

    /** A signed token for {@code caller}, valid from now for {@code ttl}. */
    public String mint(Caller caller, Duration ttl) {
        return mint(caller, Instant.now(), ttl);
    }

    /** A signed token issued at {@code issuedAt} (a past one makes an expired token, for tests). */
    public String mint(Caller caller, Instant issuedAt, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token's lifetime must be positive");
        }
        StringBuilder claims = new StringBuilder("{");
        field(claims, "iss", issuer).append(',');
        field(claims, "sub", caller.subject()).append(',');
        field(claims, "upn", caller.subject()).append(',');
        field(claims, "name", caller.name() == null ? caller.subject() : caller.name()).append(',');
        claims.append("\"groups\":[").append(string(caller.role())).append("],");
        if (caller.department() != null) {
            field(claims, "department", caller.department()).append(',');
        }
        field(claims, "jti", UUID.randomUUID().toString()).append(',');
        claims.append("\"iat\":").append(issuedAt.getEpochSecond()).append(',');
        claims.append("\"exp\":").append(issuedAt.plus(ttl).getEpochSecond()).append('}');
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + base64Url(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signingKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** Parses a lifetime such as {@code 8h}, {@code 30m}, {@code 7d}, {@code 90s} or ISO-8601 ({@code PT8H}). */
    public static Duration lifetime(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(text.strip().toUpperCase(java.util.Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a lifetime: " + text + " (e.g. 8h, 30m, 7d, PT8H)");
        }
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return json.append('"').append(name).append("\":").append(string(value));
    }

    /** A JSON string literal. */
    static String string(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create an RSA key pair", e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        StringBuilder body = new StringBuilder();
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----")) {
                body.append(line.strip());
            }
        }
        return Base64.getDecoder().decode(body.toString());
    }

    private static void trySetOwnerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own permissions protect the key
        }
    }

    /** The roles as a sorted list, for messages. */
    public static List<String> roles() {
        return ROLES.stream().sorted().toList();
    }
}
