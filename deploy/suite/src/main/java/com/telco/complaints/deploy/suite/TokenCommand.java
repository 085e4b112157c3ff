package com.telco.complaints.deploy.suite;

import com.telco.complaints.deploy.infra.LocalTokens;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code deploy/run.sh token --role ROLE [--department D] [--subject S] [--name N] [--ttl 8h]
 * [--data-dir DIR]}: prints a bearer token alone on stdout, signed with the key pair of the suite's
 * data directory (created there if the suite never ran), which every service started by
 * {@code deploy/run.sh} verifies tokens with.
 */
final class TokenCommand {

    private static final Set<String> OPTIONS = Set.of("--role", "--department", "--subject", "--name", "--ttl",
            "--data-dir", "--repo-root");

    private TokenCommand() {}

    static String usage() {
        return """
                Usage: deploy/run.sh token --role ROLE [--department D] [--subject S] [--name N] [--ttl 8h]
                                           [--data-dir DIR]

                Prints a bearer token (a JWT signed with the suite's local key pair, kept under the data
                directory's auth/) for a person or system, alone on stdout:
                  --role        one of %s
                  --department  the agent's department (required for, and only for, --role agent)
                  --subject     who the token speaks for (sub); recorded as the actor (default: the role)
                  --name        the display name (default: the subject)
                  --ttl         lifetime, e.g. 30m, 8h, 7d or PT8H (default 8h)
                  --data-dir    the suite's data directory (default deploy/run-data) [SUITE_DATA_DIR]
                Example:
                  curl -H "Authorization: Bearer $(deploy/run.sh token --role operator)" localhost:8085/cases
                """.formatted(String.join(", ", LocalTokens.roles()));
    }

    /** The token for these arguments (those after {@code token}). */
    static String mint(List<String> args, Map<String, String> environment, java.util.function.Supplier<Path> repoRoot) {
        Map<String, String> options = new HashMap<>();
        for (OptionArgs.Arg arg : OptionArgs.read(args, Set.of(), OPTIONS)) {
            if (options.put(arg.name(), arg.value()) != null) {
                throw new IllegalArgumentException(arg.name() + " given twice");
            }
        }
        String role = options.get("--role");
        if (role == null) {
            throw new IllegalArgumentException("--role is required: one of " + String.join(", ", LocalTokens.roles()));
        }
        String subject = options.getOrDefault("--subject", role);
        Duration ttl = LocalTokens.lifetime(options.getOrDefault("--ttl", "8h"));
        LocalTokens.Caller caller = new LocalTokens.Caller(subject, options.get("--name"), role,
                options.get("--department"));
        String dataDir = options.getOrDefault("--data-dir", environment.get("SUITE_DATA_DIR"));
        Path root = options.containsKey("--repo-root") ? Path.of(options.get("--repo-root")) : repoRoot.get();
        Path data = dataDir != null ? Path.of(dataDir).toAbsolutePath().normalize()
                : root.resolve("deploy").resolve("run-data");
        return LocalTokens.in(data.resolve("auth")).mint(caller, ttl);
    }
}
