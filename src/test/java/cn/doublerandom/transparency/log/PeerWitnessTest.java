package cn.doublerandom.transparency.log;

import cn.doublerandom.transparency.TransparencyConfig;
import cn.doublerandom.transparency.merkle.Merkle;
import cn.doublerandom.transparency.note.NoteKeys;
import cn.doublerandom.transparency.note.SignedNote;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service witnessing a peer's log: a peer that only grows is cosigned at each size and receives
 * the cosignature; a peer that rewrote a leaf is caught by the consistency check against the size
 * cosigned before and is not cosigned; a checkpoint signed by another key is refused; a peer that
 * does not take the cosignature is recorded as such. The peer here is a small fake log over HTTP
 * whose tree and proofs come from the same Merkle code the auditors' vectors pin down.
 */
@QuarkusTest
class PeerWitnessTest {

    private static final String ORIGIN = "peer.example.gov.cn/log";

    @Inject
    PeerWitness witness;

    @Inject
    LogSigner signer;

    private HttpServer server;
    private final List<byte[]> leaves = new ArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private NoteKeys.Signer peerKey;
    private NoteKeys.Signer servedKey;
    private int cosignStatus = 200;

    @BeforeEach
    void startPeer() throws IOException {
        peerKey = NoteKeys.signer(NoteKeys.generate(ORIGIN, new SecureRandom()));
        servedKey = peerKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/public/v1/log/checkpoint", ex -> answer(ex, 200, checkpoint()));
        server.createContext("/public/v1/log/proofs/consistency", ex -> {
            Map<String, Long> q = query(ex);
            String proof = Merkle.consistencyProof(q.get("from"), q.get("to"), this::subtree).stream()
                    .map(h -> "\"" + Base64.getEncoder().encodeToString(h) + "\"").collect(Collectors.joining(","));
            answer(ex, 200, "{\"proof\":[" + proof + "]}");
        });
        server.createContext("/public/v1/log/cosignatures", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(ex, cosignStatus, cosignStatus == 200 ? "{}" : "{\"title\":\"refused\",\"detail\":\"not a configured witness\"}");
        });
        server.start();
    }

    @AfterEach
    void stopPeer() {
        server.stop(0);
    }

    @Test
    void aGrowingPeerIsCosignedAndARewrittenOneIsCaught() {
        grow(5);
        PeerWitness.Check first = witness.witness("peer", peer());
        assertEquals(new PeerWitness.Check("peer", 5, PeerCheckpoint.Outcome.COSIGNED, null), first);
        assertEquals(1, received.size());
        String text = SignedNote.checkpointText(ORIGIN, 5, Merkle.root(leaves));
        assertEquals(Optional.of(text), SignedNote.open(received.get(0), signer.signer().verifier()),
                "the peer receives its checkpoint cosigned by this service's log key");

        grow(4);
        assertEquals(PeerCheckpoint.Outcome.COSIGNED, witness.witness("peer", peer()).outcome(), "5 -> 9 is consistent");
        assertEquals(2, received.size());

        // the peer rewrites an early leaf and recomputes everything above it, then grows
        leaves.set(2, Merkle.leafHash("rewritten".getBytes(StandardCharsets.UTF_8)));
        grow(3);
        PeerWitness.Check caught = witness.witness("peer", peer());
        assertEquals(PeerCheckpoint.Outcome.INCONSISTENT, caught.outcome());
        assertEquals(12, caught.size());
        assertTrue(caught.detail().contains("from size 9 to 12"), caught.detail());
        assertEquals(2, received.size(), "nothing is cosigned for a rewritten log");
        PeerCheckpoint kept = QuarkusTransaction.requiringNew().call(() -> PeerCheckpoint.latest("peer").orElseThrow());
        assertEquals("inconsistent", kept.outcome);
        assertEquals(12, kept.size);
        PeerCheckpoint baseline = QuarkusTransaction.requiringNew().call(() ->
                PeerCheckpoint.lastCosigned(peerKey.name(), peerKey.verifier().keyHash()).orElseThrow());
        assertEquals(9, baseline.size, "the baseline stays the last consistent checkpoint");
        assertEquals(PeerCheckpoint.Outcome.INCONSISTENT, witness.witness("peer", peer()).outcome(), "and stays caught");
    }

    @Test
    void anotherKeysCheckpointAndARefusedCosignatureAreRecordedAsSuch() {
        grow(3);
        servedKey = NoteKeys.signer(NoteKeys.generate(ORIGIN, new SecureRandom()));
        PeerWitness.Check forged = witness.witness("peer", peer());
        assertEquals(PeerCheckpoint.Outcome.INVALID, forged.outcome());
        assertTrue(received.isEmpty());

        servedKey = peerKey;
        cosignStatus = 422;
        PeerWitness.Check undelivered = witness.witness("peer", peer());
        assertEquals(PeerCheckpoint.Outcome.UNDELIVERED, undelivered.outcome());
        assertTrue(undelivered.detail().contains("422") && undelivered.detail().contains("not a configured witness"), undelivered.detail());

        PeerWitness.Check unreachable = witness.witness("peer", new TransparencyConfig.Peer() {
            public String url() {
                return "http://127.0.0.1:1";
            }

            public String key() {
                return peerKey.verifier().text();
            }
        });
        assertEquals(PeerCheckpoint.Outcome.INVALID, unreachable.outcome());
        assertEquals(PeerCheckpoint.Outcome.INVALID, witness.witness("peer", new TransparencyConfig.Peer() {
            public String url() {
                return "http://127.0.0.1:" + server.getAddress().getPort();
            }

            public String key() {
                return "not+a+key";
            }
        }).outcome());
    }

    private TransparencyConfig.Peer peer() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        String key = peerKey.verifier().text();
        return new TransparencyConfig.Peer() {
            public String url() {
                return url;
            }

            public String key() {
                return key;
            }
        };
    }

    private final Random random = new Random(20261206);

    private void grow(int n) {
        for (int i = 0; i < n; i++) {
            byte[] record = new byte[40];
            random.nextBytes(record);
            leaves.add(Merkle.leafHash(record));
        }
    }

    private String checkpoint() {
        return SignedNote.sign(SignedNote.checkpointText(ORIGIN, leaves.size(), Merkle.root(leaves)), servedKey);
    }

    private byte[] subtree(int level, long index) {
        int from = (int) (index << level);
        return Merkle.root(leaves.subList(from, from + (1 << level)));
    }

    private static Map<String, Long> query(HttpExchange ex) {
        return java.util.Arrays.stream(ex.getRequestURI().getQuery().split("&")).map(p -> p.split("="))
                .collect(Collectors.toMap(p -> p[0], p -> Long.parseLong(p[1])));
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
