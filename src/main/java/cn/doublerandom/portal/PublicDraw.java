package cn.doublerandom.portal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * A public draw: everything needed to verify it. With a withheld (confidential) result only the
 * hashes are public: no snapshot, no record texts, and the withheld target is not listed.
 * {@code enterprises} are the listed targets with their published names and results, for the portal's
 * page; {@code withheldCount} how many selected targets are left out as confidential.
 * {@code randomness} is the public source named at prepare (its value is {@code given}), if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicDraw(String id, String authority, String authorityName, String quarter, String planName, String kind,
                         LocalDate drawDate, String algorithm, String poolHash, String commit, String nonce, String given,
                         String randomness, String seed, boolean withheld, List<String> selected, List<Record> records,
                         String snapshot, @JsonIgnore List<Enterprise> enterprises, @JsonIgnore int withheldCount) {

    /** A selected target whose result is published: its name as published and the result to link to. */
    public record Enterprise(String uscc, String name, String resultId) {
    }

    /** A ledger record of the draw: its hash and the one before it; the text only when nothing is withheld. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Record(long seq, String kind, String prevHash, String hash, String text) {
    }
}
