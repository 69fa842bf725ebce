package cn.doublerandom.wording;

import java.time.LocalDate;

/**
 * A wording an administrator adds to a region's vocabulary: {@code code} ({@code [A-Z][A-Z0-9_]{1,39}},
 * unique service-wide), the exact Chinese {@code text}, the {@code regionCode} (province, city or
 * county-level unit within the administrator's scope), {@code validFrom} (default today) and why.
 */
public record WordingInput(String code, String regionCode, String text, LocalDate validFrom, String reason) {
}
