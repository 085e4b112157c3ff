package com.telco.complaints.deploy.suite.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/** The demo's HTTP client: JSON in and out on the services' public REST doors, never an exception for a failed call. */
final class Rest {

    /** One answer; status -1 when the service did not answer at all. */
    record Answer(int status, JsonNode body, OptionalLong totalCount) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Duration timeout;

    Rest(Duration timeout) {
        this.timeout = timeout;
    }

    /** GET with the bearer {@code token} of the caller. */
    Answer get(URI base, String pathAndQuery, String token) {
        return get(base, pathAndQuery, token, timeout);
    }

    Answer get(URI base, String pathAndQuery, String token, Duration timeout) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Authorization", "Bearer " + token).GET(),
                timeout);
    }

    /** POST of a JSON body with the bearer {@code token} of the caller. */
    Answer post(URI base, String path, String token, Object body, Map<String, String> headers) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        return send(request, timeout);
    }

    /** The body as text, for the Prometheus exposition of /q/metrics; null when it did not answer 200. */
    String text(URI base, String path) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Answer send(HttpRequest.Builder request, Duration timeout) {
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = MissingNode.getInstance();
            if (response.body().length > 0) {
                try {
                    body = JSON.readTree(response.body());
                } catch (IOException notJson) {
                    // kept missing: the status tells what happened
                }
            }
            OptionalLong total = response.headers().firstValue("X-Total-Count")
                    .map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
            return new Answer(response.statusCode(), body, total);
        } catch (IOException | NumberFormatException e) {
            return new Answer(-1, MissingNode.getInstance(), OptionalLong.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, MissingNode.getInstance(), OptionalLong.empty());
        }
    }
}
