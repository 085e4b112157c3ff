package com.telco.complaints.contracts;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.telco.complaints.contracts.wire.EventJson;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the golden samples from {@link Samples}. Run by hand only when a new event or a new
 * schema version is added; never to make a failing contract test pass.
 */
public final class GoldenWriter {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/golden");
        Files.createDirectories(dir);
        var writer = EventJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT);
        for (var entry : Samples.all().entrySet()) {
            Path file = dir.resolve(entry.getKey().ceType() + ".json");
            if (Files.exists(file)) {
                continue;
            }
            Files.writeString(file, writer.writeValueAsString(entry.getValue()) + "\n");
            System.out.println("wrote " + file);
        }
    }
}
