#!/usr/bin/env python3
"""Where a service's CPU time went, from a JFR recording (JDK 17 has no `jfr view`).

    deploy/bench/jfr-summary.py /tmp/jfr/intake.jfr [--since HH:MM:SS]

Reads the execution samples (`jfr print --events jdk.ExecutionSample --stack-depth 96`) and prints
(1) the share of samples by thread and by the layer nearest the top of the stack that is not the JDK itself,
(2) the hottest self frames, (3) inclusive shares of a few frames that matter for this suite.
"""
import collections
import re
import subprocess
import sys

LAYERS = [
    ("com.telco.complaints", "suite code"),
    ("org.postgresql", "PostgreSQL JDBC driver"),
    ("io.agroal", "Agroal pool"),
    ("com.arjuna", "Narayana JTA"),
    ("io.quarkus.narayana", "Narayana JTA"),
    ("org.apache.kafka", "Kafka client"),
    ("io.smallrye.reactive.messaging", "SmallRye messaging"),
    ("com.fasterxml.jackson", "Jackson"),
    ("org.jboss.resteasy", "Quarkus REST"),
    ("io.quarkus.resteasy", "Quarkus REST"),
    ("io.vertx", "Vert.x / Netty"),
    ("io.netty", "Vert.x / Netty"),
    ("io.micrometer", "Micrometer"),
    ("io.quarkus", "Quarkus (other)"),
    ("io.smallrye", "SmallRye (other)"),
    ("org.jboss", "JBoss (other)"),
]
INCLUSIVE = [
    ("QueryExecutorImpl.execute", "JDBC statement round trips"),
    ("PgConnection.commit", "JDBC commit"),
    ("TransactionImple.commitAndDisassociate", "JTA commit"),
    ("ObjectMapper.writeValue", "JSON write"),
    ("ObjectMapper.readValue", "JSON read"),
    ("ObjectMapper.readTree", "JSON read"),
    ("KafkaProducer.send", "Kafka send"),
    ("KafkaConsumer.poll", "Kafka poll"),
    ("Http1xServerConnection.handleMessage", "HTTP request handling"),
]


def samples(path, since):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                         check=True, capture_output=True, text=True).stdout
    for block in out.split("jdk.ExecutionSample {")[1:]:
        start = re.search(r"startTime = (\S+)", block)
        if since and start and start.group(1) < since:
            continue
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = re.findall(r"^\s{4}(\S.*?)(?: line: \d+)?$", block.split("stackTrace = [", 1)[-1], re.M)
        frames = [f for f in frames if f not in ("...", "]", "}")]
        if frames:
            yield re.sub(r"[-#]?\d+$", "", thread.group(1)) if thread else "?", frames


def layer(frames):
    for frame in frames:
        for prefix, name in LAYERS:
            if frame.startswith(prefix):
                return name
    return "JDK / other"


def main():
    path = sys.argv[1]
    since = sys.argv[sys.argv.index("--since") + 1] if "--since" in sys.argv else None
    layers, selfs, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    threads = collections.Counter()
    total = 0
    for thread, frames in samples(path, since):
        total += 1
        threads[thread] += 1
        layers[layer(frames)] += 1
        selfs[frames[0].split("(")[0]] += 1
        seen = set()
        for frame in frames:
            for marker, name in INCLUSIVE:
                if marker in frame and name not in seen:
                    seen.add(name)
                    inclusive[name] += 1
    if not total:
        print("no execution samples")
        return
    print(f"{total} samples")
    print("\nby layer (nearest non-JDK frame):")
    for name, n in layers.most_common():
        print(f"  {100 * n / total:5.1f}%  {name}")
    print("\nby thread:")
    for name, n in threads.most_common(8):
        print(f"  {100 * n / total:5.1f}%  {name}")
    print("\nhottest frames (self):")
    for name, n in selfs.most_common(15):
        print(f"  {100 * n / total:5.1f}%  {name}")
    print("\ninclusive:")
    for name, n in inclusive.most_common():
        print(f"  {100 * n / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
