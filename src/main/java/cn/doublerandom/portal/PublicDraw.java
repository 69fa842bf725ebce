package cn.doublerandom.portal;

import cn.doublerandom.item.InspectionMethod;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A public draw: everything needed to verify it. With a withheld (confidential) result only the
 * hashes are public: no snapshot, no record texts, and the withheld target is not listed.
 * {@code enterprises} are the listed targets with their published names and links to their results,
 * as the portal's draw page lists them; {@code withheldCount} how many selected targets are left
 * out as confidential.
 * {@code randomness} is the public source named at prepare (its value is {@code given}), if any.
 * {@code poolCommitment} is {@code SHA-256(salt + poolHash)} for draws prepared with a salt (format 2): while a
 * result is withheld it is all that is public of the pool (no {@code poolHash}, {@code salt}, {@code nonce},
 * {@code seed}); once nothing is withheld the salt is shown, so the commitment can be checked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicDraw(String id, String authority, String authorityName, String quarter, String planName,
                         @Schema(enumeration = {"UNDIRECTED", "DIRECTED"}) String kind,
                         LocalDate drawDate, String algorithm, String poolHash, String poolCommitment, String salt,
                         String commit, String nonce, String given,
                         String randomness, String seed, boolean withheld, List<String> selected, List<Record> records,
                         String snapshot, List<Enterprise> enterprises, int withheldCount) {

    /**
     * A selected target whose result is published: its name as published, its result, and where to
     * read that result: {@code result} in this API, {@code page} on the portal.
     */
    @Schema(name = "PublicDrawEnterprise", description = "A selected enterprise of a public draw: its USCC, its name as published, "
            + "its result, and links to that result in the public API (result) and on the portal (page)")
    public record Enterprise(String uscc, String name, String resultId, String result, String page, List<VisitItem> items) {

        public Enterprise(String uscc, String name, String resultId, List<VisitItem> items) {
            this(uscc, name, resultId, "/public/v1/results/" + resultId, "/results/" + resultId, items);
        }
    }

    /**
     * An item the enterprise's one visit covered (进一次门、查多项事): the draw's items that apply to it, each by
     * its method: ON_SITE (实地检查; {@code unannounced}: 四不两直), TECHNOLOGY (科技检查), DOCUMENTARY (书面检查) or THIRD_PARTY (委托第三方专业机构).
     */
    @Schema(name = "PublicDrawVisitItem")
    public record VisitItem(long itemId, String name, @Schema(implementation = InspectionMethod.class) String method, String methodLabel, boolean unannounced) {
    }

    /** A ledger record of the draw: its hash and the one before it; the text only when nothing is withheld. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Record(long seq, @Schema(enumeration = {"prepare", "substitute", "execute", "fail", "void"}) String kind, String prevHash, String hash, String text) {
    }
}
