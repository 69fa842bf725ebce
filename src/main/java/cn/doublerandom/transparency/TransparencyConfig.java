package cn.doublerandom.transparency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The transparency log (docs/transparency-log.md). */
@ConfigMapping(prefix = "doublerandom.log")
public interface TransparencyConfig {

    /** The log's name, the first line of every checkpoint. */
    @WithDefault("doublerandom.local/log")
    String origin();

    /**
     * The signature algorithm of the log's checkpoints: {@code ed25519}, or {@code sm2} (SM2 with SM3) where the
     * commercial-cryptography assessment (密评) requires it. A configured key must be of it; a generated one is made in it.
     */
    @WithDefault("ed25519")
    String algorithm();

    /** The signing key as the signed-note text {@code PRIVATE+KEY+<name>+<hash>+<key>}. */
    Optional<String> key();

    /** A file holding that text; set this or {@link #key()}, not both. */
    Optional<String> keyFile();

    /** A throwaway key made at start when none is set: dev, test and demo only. */
    @WithDefault("false")
    boolean generateKey();

    /**
     * When a checkpoint is issued besides the one after every ledger record: a Quartz-style cron in
     * Asia/Shanghai (daily at 00:10), read by the checkpoint job's schedule; {@code off} disables it.
     */
    @WithDefault("0 10 0 * * ?")
    String checkpointCron();

    /** Verifier keys of the witnesses whose cosignatures the log keeps: another bureau's log, a notary office. */
    Optional<List<String>> witnesses();

    /**
     * The peers' logs this service witnesses (another bureau's instance), by a name of the operator's choosing:
     * it fetches each one's checkpoint, checks it against the last one it cosigned, cosigns and posts the cosignature.
     */
    Map<String, Peer> peers();

    /** A peer's log. */
    interface Peer {
        /** The peer service's base URL; its log API is under {@code /public/v1/log}. */
        String url();

        /** The peer's verifier key, as the peer bureau publishes it (never taken from the peer's service). */
        String key();
    }

    /** When the peers are witnessed: a Quartz-style cron in Asia/Shanghai (every ten minutes); {@code off} disables it. */
    @WithDefault("0 */10 * * * ?")
    String peerCron();
}
