package com.telco.complaints.deploy.suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to start one service process.
 *
 * @param environment variables set on top of the launcher's own environment
 * @param workDir     the service's module directory, as when one runs {@code java -jar target/quarkus-app/quarkus-run.jar} there
 * @param log         the file that receives the service's stdout and stderr
 */
public record ServiceLaunch(Service service, int port, List<String> command, Map<String, String> environment,
                            Path workDir, Path log) {

    public ServiceLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
