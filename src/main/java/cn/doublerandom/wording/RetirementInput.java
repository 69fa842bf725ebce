package cn.doublerandom.wording;

import java.time.LocalDate;

/** Retires a wording: not usable for results determined on or after {@code retiredFrom} (default today). */
public record RetirementInput(LocalDate retiredFrom, String reason) {
}
