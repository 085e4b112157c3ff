package com.telco.complaints.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load generator as lean as wrk: each connection is one thread writing HTTP/1.1 requests on a
 * keep-alive socket and reading the answers itself, so that on a shared two-core machine the
 * generator takes little of the CPU the services need. Open loop: request i is due at
 * start + i / rate and its latency counts from then, so a stall is never hidden (no coordinated
 * omission); the connections take the next due request as soon as they are free.
 */
final class LeanHttp {

    private final String host;
    private final int port;
    private final String path;
    private final String token;

    /** Posts to {@code uri} with the bearer {@code token} (a submitter's). */
    LeanHttp(URI uri, String token) {
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.path = uri.getPath();
        this.token = token;
    }

    /** {@code rate} requests a second (0 = as fast as the connections go) for {@code seconds}. */
    HttpLoad.Outcome post(int connections, int rate, int seconds, long seed, HttpLoad.IdSink onCreated)
            throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
        AtomicLong next = new AtomicLong();
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long total = rate == 0 ? Long.MAX_VALUE : (long) rate * seconds;
        long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            SplittableRandom random = new SplittableRandom(seed + c);
            Thread t = new Thread(() -> {
                Connection connection = null;
                try {
                    while (true) {
                        long i = next.getAndIncrement();
                        if (i >= total) {
                            return;
                        }
                        long due = rate == 0 ? System.nanoTime() : start + i * interval;
                        if (due >= end) {
                            return;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        try {
                            if (connection == null) {
                                connection = new Connection();
                            }
                            String body = connection.post(Bodies.complaint(random));
                            if (body != null) {
                                latency.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                                created.incrementAndGet();
                                onCreated.accept(idOf(body), due);
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                            closeQuietly(connection);
                            connection = null;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    closeQuietly(connection);
                }
            }, "lean-http-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new HttpLoad.Outcome(created.get(), failed.get(), latency, elapsed);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private static String idOf(String body) {
        int at = body.indexOf("\"complaintId\":\"") + 15;
        return body.substring(at, body.indexOf('"', at));
    }

    /** One keep-alive connection. */
    private final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Connection() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        /** The response body of a 201, or null for any other status. */
        String post(String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            out.write(request);
            out.flush();
            String status = line();
            int length = 0;
            boolean chunked = false;
            for (String h; !(h = line()).isEmpty(); ) {
                String lower = h.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            byte[] content = chunked ? chunked() : in.readNBytes(length);
            return status.startsWith("HTTP/1.1 201") ? new String(content, StandardCharsets.UTF_8) : null;
        }

        private byte[] chunked() throws IOException {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(line().trim(), 16);
                if (size == 0) {
                    line();
                    return all.toByteArray();
                }
                all.write(in.readNBytes(size));
                line();
            }
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int b; (b = in.read()) != -1; ) {
                if (b == '\n') {
                    int n = s.length();
                    return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
                }
                s.append((char) b);
            }
            throw new IOException("connection closed");
        }
    }
}
