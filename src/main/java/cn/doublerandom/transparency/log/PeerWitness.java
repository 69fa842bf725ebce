package cn.doublerandom.transparency.log;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.transparency.TransparencyConfig;
import cn.doublerandom.transparency.merkle.Merkle;
import cn.doublerandom.transparency.note.NoteKeys;
import cn.doublerandom.transparency.note.SignedNote;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;

/**
 * This service as a witness of its peers' logs (docs/transparency-log.md §8). For each configured peer
 * it fetches the latest checkpoint, checks the peer's signature, checks that the peer's tree is
 * consistent with the largest checkpoint it cosigned before (by the peer's own consistency proof,
 * checked against the roots kept here, never against roots the peer sends), cosigns it with the log's
 * key and posts the cosignature to the peer. Every check of a signed checkpoint is kept, whatever it found; an inconsistent
 * peer is logged as an error and never cosigned again at a size it contradicts.
 */
@ApplicationScoped
public class PeerWitness {

    private static final Logger LOG = Logger.getLogger(PeerWitness.class);
    private static final int MAX_BODY = 1 << 20;

    @Inject
    TransparencyConfig config;

    @Inject
    LogSigner signer;

    @Inject
    ServiceClock clock;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The outcome of one peer's check; named apart from a rectification's re-check in the contract. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PeerCheck")
    public record Check(String peer, long size, PeerCheckpoint.Outcome outcome, String detail) {
    }

    @Scheduled(identity = "log-peer-witness", cron = "{doublerandom.log.peer-cron}", timeZone = "{doublerandom.business-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        witnessAll();
    }

    /** Checks every configured peer now, in name order. */
    public List<Check> witnessAll() {
        List<Check> out = new ArrayList<>();
        new TreeMap<>(config.peers()).forEach((name, peer) -> out.add(witness(name, peer)));
        return out;
    }

    /** The latest check of each configured peer. */
    public List<Check> latest() {
        return QuarkusTransaction.requiringNew().call(() -> new TreeMap<>(config.peers()).keySet().stream()
                .map(name -> PeerCheckpoint.latest(name)
                        .map(p -> new Check(name, p.size, p.outcome(), p.detail))
                        .orElse(new Check(name, -1, null, "not checked yet")))
                .toList());
    }

    Check witness(String name, TransparencyConfig.Peer peer) {
        NoteKeys.Verifier key;
        try {
            key = NoteKeys.verifier(peer.key().strip());
        } catch (IllegalArgumentException e) {
            LOG.errorf("peer %s: its configured key is unusable: %s", name, e.getMessage());
            return new Check(name, -1, PeerCheckpoint.Outcome.INVALID, "configured key unusable: " + e.getMessage());
        }
        String base = peer.url().replaceAll("/+$", "") + "/public/v1/log";
        String note;
        SignedNote.Checkpoint checkpoint;
        try {
            note = get(base + "/checkpoint");
            String text = SignedNote.open(note, key).orElse(null);
            if (text == null) {
                return keep(name, key, -1, new byte[32], PeerCheckpoint.Outcome.INVALID,
                        "the checkpoint served carries no valid signature by " + key.name());
            }
            checkpoint = SignedNote.parseCheckpoint(text);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("peer %s: no checkpoint: %s", name, e.getMessage());
            return new Check(name, -1, PeerCheckpoint.Outcome.INVALID, "no checkpoint: " + e.getMessage());
        }
        long n = checkpoint.size();
        // one check of a key at a time across replicas, so two cannot each pass against the same baseline
        return QuarkusTransaction.requiringNew().call(() -> {
            PeerCheckpoint.lock("log-peer " + key.text());
            PeerCheckpoint before = PeerCheckpoint.lastCosigned(key.name(), key.keyHash()).orElse(null);
            String inconsistency = before == null ? null : inconsistency(base, before, n, checkpoint.root());
            if (inconsistency != null) {
                LOG.errorf("peer %s (%s): its log is inconsistent with the checkpoint of size %d cosigned before: %s",
                        name, checkpoint.origin(), before.size, inconsistency);
                return keep(name, key, n, checkpoint.root(), PeerCheckpoint.Outcome.INCONSISTENT, inconsistency);
            }
            String cosigned = SignedNote.parse(note).text() + "\n"
                    + SignedNote.signature(SignedNote.parse(note).text(), signer.signer()).line();
            String refusal = post(base + "/cosignatures", cosigned);
            return keep(name, key, n, checkpoint.root(),
                    refusal == null ? PeerCheckpoint.Outcome.COSIGNED : PeerCheckpoint.Outcome.UNDELIVERED, refusal);
        });
    }

    /** Why the peer's tree of size {@code n} and {@code root} contradicts {@code before}; null if it does not. */
    private String inconsistency(String base, PeerCheckpoint before, long n, byte[] root) {
        long m = before.size;
        if (m == n) {
            return Arrays.equals(before.root, root) ? null : "another root at the same size " + n;
        }
        long small = Math.min(m, n);
        long large = Math.max(m, n);
        byte[] smallRoot = m < n ? before.root : root;
        byte[] largeRoot = m < n ? root : before.root;
        if (small == 0) {
            return null;
        }
        List<byte[]> proof = new ArrayList<>();
        try {
            JsonNode answer = json.readTree(get(base + "/proofs/consistency?from=" + small + "&to=" + large));
            for (JsonNode h : answer.path("proof")) {
                proof.add(Base64.getDecoder().decode(h.asText()));
            }
        } catch (IOException | IllegalArgumentException e) {
            return "no consistency proof from size " + small + " to " + large + ": " + e.getMessage();
        }
        return Merkle.verifyConsistency(small, large, smallRoot, largeRoot, proof) ? null
                : "the consistency proof from size " + small + " to " + large + " does not hold";
    }

    private Check keep(String name, NoteKeys.Verifier key, long size, byte[] root, PeerCheckpoint.Outcome outcome, String detail) {
        if (size >= 0) {
            PeerCheckpoint.record(name, key.name(), key.keyHash(), size, root, outcome, detail, clock.now());
        }
        return new Check(name, size, outcome, detail);
    }

    private String get(String url) throws IOException {
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(URI.create(url)).GET());
        String body = read(r);
        if (r.statusCode() != 200) {
            throw new IOException(url + " answered " + r.statusCode());
        }
        return body;
    }

    /** Posts the cosignature; null if the peer took it, else what it said. */
    private String post(String url, String note) {
        try {
            HttpResponse<InputStream> r = send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(note, StandardCharsets.UTF_8)));
            String body = read(r);
            if (r.statusCode() / 100 == 2) {
                return null;
            }
            String title = body;
            try {
                JsonNode problem = json.readTree(body);
                title = problem.path("detail").asText(problem.path("title").asText(body));
            } catch (IOException notJson) {
                // the status says enough
            }
            return "the peer answered " + r.statusCode() + ": " + title.substring(0, Math.min(200, title.length()));
        } catch (IOException e) {
            return "the peer could not be reached: " + e.getMessage();
        }
    }

    private HttpResponse<InputStream> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (IllegalArgumentException e) {
            throw new IOException("bad peer URL: " + e.getMessage());
        }
    }

    private static String read(HttpResponse<InputStream> r) throws IOException {
        try (InputStream in = r.body()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new IOException("the peer's answer is larger than " + MAX_BODY + " bytes");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
