package cn.doublerandom.registry.inspector;

import java.time.LocalDate;
import java.util.List;

/** An inspector as a bureau sends it, as JSON or as a spreadsheet row: unchecked. */
public record InspectorInput(
        String regionCode,
        String name,
        String certificateNo,
        LocalDate certificateExpiry,
        InspectorStatus status,
        Boolean certified,
        Boolean auxiliary,
        String organisation,
        List<String> specialties,
        List<Conflict> conflicts,
        String changeReason) {
}
