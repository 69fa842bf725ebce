package cn.doublerandom.wording;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A result wording (抽查结果用语): a stable code and the exact Chinese text that is published, the
 * region whose vocabulary it belongs to ({@value WordingCatalog#NATIONAL} for the national list), the
 * first determination date it may be used for, and its retirement if any, with who and when.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Wording(String code, String regionCode, String regionName, String text, LocalDate validFrom,
                      LocalDate retiredFrom, String retirementReason, String reason, Instant recordedAt,
                      String recordedBy, Instant retiredAt, String retiredBy) {

    /** Whether a result determined on {@code date} may use it: from validFrom, until (excluding) retiredFrom. */
    public boolean usableOn(LocalDate date) {
        return !date.isBefore(validFrom) && (retiredFrom == null || date.isBefore(retiredFrom));
    }

    @JsonIgnore
    public boolean national() {
        return WordingCatalog.NATIONAL.equals(regionCode);
    }
}
