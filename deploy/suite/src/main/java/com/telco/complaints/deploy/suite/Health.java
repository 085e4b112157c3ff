package com.telco.complaints.deploy.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service over HTTP whether it is ready; SmallRye Health answers 200 when UP and 503 when DOWN. */
final class Health {

    /** One answer; status -1 when the service did not answer at all. */
    record Answer(int status, String body) {
        boolean up() {
            return status == 200;
        }

        String describe() {
            String text = body.replaceAll("\\s+", " ").trim();
            return (status < 0 ? "" : "HTTP " + status + " ") + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    Answer get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, "no answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }
}
