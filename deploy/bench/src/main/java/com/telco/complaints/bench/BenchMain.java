package com.telco.complaints.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The benchmarks of issue 9, one per argument: {@code raw}, {@code intake}, {@code e2e},
 * {@code sla-replay}, {@code analytics-rebuild}, {@code projection-lag}, or {@code all}. Each prints
 * a table and writes deploy/bench/target/bench/NAME.json. Options: {@code --events N} (replay log
 * size, default 2,000,000), {@code --rate N} (e2e registrations/s, default 1,000; lag events/s,
 * default 2,000), and {@code cost}: {@code --rate R[,R...]} (default 5,20,100,200), {@code --seconds S}
 * (each rate, default 60), {@code --saturate} (step the rate up until a backlog builds).
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("usage: deploy/bench.sh raw|intake|e2e|sla-replay|analytics-rebuild|projection-lag|cost|all "
                    + "[--events N] [--rate N[,N...]] [--seconds S] [--saturate]");
            System.exit(2);
        }
        long events = 2_000_000;
        Integer rate = null;
        List<Integer> rates = List.of(5, 20, 100, 200);
        int seconds = 60;
        boolean saturate = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[++i]);
                case "--rate" -> {
                    rates = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                    rate = rates.get(0);
                }
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--saturate" -> saturate = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> names = args[0].equals("all")
                ? List.of("intake", "e2e", "cost", "sla-replay", "analytics-rebuild", "projection-lag") : List.of(args[0]);
        try {
            for (String name : names) {
                System.out.println("== " + name);
                System.setProperty(BenchSuite.BENCHMARK, name);
                Results results = switch (name) {
                    case "raw" -> RawBench.run();
                    case "intake" -> IntakeBench.run();
                    case "e2e" -> EndToEndBench.run(rate == null ? 1000 : rate);
                    case "sla-replay" -> ReplayBench.sla(events);
                    case "analytics-rebuild" -> ReplayBench.analytics(events);
                    case "projection-lag" -> LagBench.run(rate == null ? 2000 : rate, Duration.ofSeconds(60));
                    case "cost" -> CostBench.run(saturate && rate == null ? List.of(100) : rates, seconds, saturate);
                    default -> throw new IllegalArgumentException("no benchmark " + name);
                };
                results.print();
                System.out.println("written to " + results.write(Path.of("deploy", "bench", "target", "bench")));
            }
        } catch (Exception e) {
            // Pollers and clients still running must not keep a failed run alive.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
