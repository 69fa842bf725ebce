package cn.doublerandom.benchmark;

import cn.doublerandom.draw.engine.Seed;
import cn.doublerandom.draw.engine.Sha256;
import cn.doublerandom.draw.engine.Tickets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The floors a service-level draw is compared with (bench/province.py): the DRAW-1 tickets alone
 * (§1, with the service's engine) over a draw's exported pool snapshot, and the pool hash (§4).
 * Prints one JSON line. Usage: {@code java -cp target/classes:target/test-classes
 * cn.doublerandom.benchmark.Floors SNAPSHOT_FILE SEED}.
 */
public final class Floors {

    private Floors() {
    }

    public static void main(String[] args) throws Exception {
        byte[] text = Files.readAllBytes(Path.of(args[0]));
        List<String> ids = new ArrayList<>();
        for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("T ")) {
                ids.add(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        Seed seed = Seed.of(args[1]);
        // the JIT warms on a first pass; the median of the next three is the figure (one pass on a shared
        // machine moved between 0.2 and 0.45 s from run to run)
        double[] passes = new double[3];
        long sink = 0;
        for (int pass = 0; pass < 4; pass++) {
            long t0 = System.nanoTime();
            Tickets t = new Tickets(seed);
            long[] keys = new long[ids.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = t.sortKey(ids.get(i));
            }
            java.util.Arrays.sort(keys);
            sink += keys.length == 0 ? 0 : keys[0];
            if (pass > 0) {
                passes[pass - 1] = (System.nanoTime() - t0) / 1e9;
            }
        }
        java.util.Arrays.sort(passes);
        double tickets = passes[1];
        long t0 = System.nanoTime();
        String poolHash = Sha256.hex(Sha256.newDigest().digest(text));
        double hash = (System.nanoTime() - t0) / 1e9;
        System.out.printf("{\"n\":%d,\"ticketsSeconds\":%.3f,\"poolHashSeconds\":%.3f,\"poolHash\":\"%s\",\"sink\":%d}%n",
                ids.size(), tickets, hash, poolHash, sink);
    }
}
