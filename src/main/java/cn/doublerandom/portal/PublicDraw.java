package cn.doublerandom.portal;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * A public draw: everything needed to verify it. With a withheld (confidential) result only the
 * hashes are public: no snapshot, no record texts, and the withheld target is not listed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicDraw(String id, String authority, String authorityName, String quarter, String planName, String kind,
                         LocalDate drawDate, String algorithm, String poolHash, String commit, String nonce, String given,
                         String seed, boolean withheld, List<String> selected, List<Record> records, String snapshot) {

    /** A ledger record of the draw: its hash and the one before it; the text only when nothing is withheld. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Record(long seq, String kind, String prevHash, String hash, String text) {
    }
}
