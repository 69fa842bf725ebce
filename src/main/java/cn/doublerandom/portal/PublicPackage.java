package cn.doublerandom.portal;

import cn.doublerandom.draw.engine.PoolCommitment;
import cn.doublerandom.draw.engine.PublicRandomness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A draw's public package ({@link PublicDraw}) from what the service stores of it: what a withheld result hides,
 * the named randomness and the salt read from the prepare record, the salted commitment. Apart from the reads so
 * that the verifier's benchmark exports its synthetic draw through this same code.
 */
public final class PublicPackage {

    private PublicPackage() {
    }

    /** The draw's stored facts; {@code given} null or empty when the caller gave none. */
    public record Stored(String id, String authority, String authorityName, String quarter, String planName, String kind,
                         LocalDate drawDate, String poolHash, String commit, String nonce, String given, String seed,
                         String snapshot) {
    }

    /** A ledger record of the draw as stored, its text always. */
    public record StoredRecord(long seq, String kind, String prevHash, String hash, String text) {
    }

    /**
     * The package; {@code records} null for a list's draw (no records, no snapshot). With a withheld result the
     * pool hash, salt, nonce and seed would each let a guess of the withheld target be confirmed (the pool is mostly
     * public, and the seed orders any guessed target among the published ones), so only the commitment is shown.
     */
    public static PublicDraw of(Stored d, boolean withheld, List<StoredRecord> records, List<String> selected,
                                List<PublicDraw.Enterprise> enterprises, int withheldCount) {
        List<PublicDraw.Record> out = null;
        String randomness = null;
        String salt = null;
        if (records != null) {
            out = new ArrayList<>();
            for (StoredRecord e : records) {
                out.add(new PublicDraw.Record(e.seq(), e.kind(), e.prevHash(), e.hash(), withheld ? null : e.text()));
                if (e.kind().equals("prepare")) {
                    PublicRandomness named = PublicRandomness.ofPrepare(e.text());
                    randomness = named == null ? null : named.text();
                    salt = PoolCommitment.saltOf(e.text());
                }
            }
        }
        String commitment = salt == null ? null : PoolCommitment.of(salt, d.poolHash());
        String given = d.given() == null || d.given().isEmpty() ? "-" : d.given();
        return new PublicDraw(d.id(), d.authority(), d.authorityName(), d.quarter(), d.planName(), d.kind(), d.drawDate(),
                "DRAW-1", withheld ? null : d.poolHash(), commitment, withheld ? null : salt, d.commit(),
                withheld ? null : d.nonce(), given, randomness, withheld ? null : d.seed(), withheld, selected, out,
                records != null && !withheld ? d.snapshot() : null, enterprises, withheldCount);
    }
}
