package cn.doublerandom.wording;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * A wording as the public reads it: code, text, whose vocabulary, from when, retired from when, and
 * whether it is in use today. No staff names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicWording(String code, String text, String regionCode, String regionName, LocalDate validFrom,
                            LocalDate retiredFrom, boolean active) {

    static PublicWording of(Wording w, LocalDate today) {
        return new PublicWording(w.code(), w.text(), w.regionCode(), w.regionName(), w.validFrom(), w.retiredFrom(),
                w.usableOn(today));
    }
}
