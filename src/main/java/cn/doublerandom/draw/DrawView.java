package cn.doublerandom.draw;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A draw as the bureau API shows it. The nonce is shown only once the draw is executed, failed or
 * voided: before that it is the service's half of the coin toss. {@code division} is the responsible
 * division (责任处室) that drew, {@code joint} an internal joint inspection (内部联合抽查).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DrawView(String id, String authority, String quarter,
                       @Schema(enumeration = {"UNDIRECTED", "DIRECTED"}) String kind, String filter, List<Long> items,
                       LocalDate drawDate, DrawStatus status, String poolHash, String commit, String nonce,
                       String replaces, String replacedBy, DrawPlan plan, Instant preparedAt, String preparedBy,
                       String given, Boolean seedGenerated, String seed, Instant executedAt, String failure,
                       String voidReason, Instant voidedAt, List<SelectedTargetView> targets, String division,
                       Boolean joint) {

    /** The same draw with its failure reason in another language. */
    DrawView withFailure(String text) {
        return new DrawView(id, authority, quarter, kind, filter, items, drawDate, status, poolHash, commit, nonce, replaces,
                replacedBy, plan, preparedAt, preparedBy, given, seedGenerated, seed, executedAt, text, voidReason, voidedAt,
                targets, division, joint);
    }
}
