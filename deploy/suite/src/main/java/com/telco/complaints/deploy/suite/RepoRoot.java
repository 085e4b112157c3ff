package com.telco.complaints.deploy.suite;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the root of this repository, so the launcher works from any directory inside it. */
final class RepoRoot {

    private RepoRoot() {}

    /** The nearest directory at or above {@code start} that holds the parent pom and the services. */
    static Path find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new SuiteException("no complaint-suite repository at or above " + start.toAbsolutePath()
                + " (looked for pom.xml next to " + Service.INTAKE.id() + "/ and deploy/)");
    }

    static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml"))
                && Files.isDirectory(dir.resolve(Service.INTAKE.id()))
                && Files.isDirectory(dir.resolve("deploy"));
    }
}
