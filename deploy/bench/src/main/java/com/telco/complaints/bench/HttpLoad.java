package com.telco.complaints.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain GET and POST calls on the read side and the replay doors; the registration load is {@link LeanHttp}. */
final class HttpLoad {

    /** What one run of registration load did. */
    record Outcome(long created, long failed, Histogram latencyMicros, double seconds) {
        double createdPerSecond() {
            return created / seconds;
        }
    }

    /** Who is told of each created complaint: its id and when its request was due (nanos). */
    @FunctionalInterface
    interface IdSink {
        void accept(String complaintId, long dueNanos);

        static IdSink none() {
            return (id, due) -> { };
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization;

    /** Calls with this bearer token. */
    HttpLoad(String token) {
        this.authorization = "Bearer " + token;
    }

    /** GET returning the status and body, for polling the read side. */
    HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
