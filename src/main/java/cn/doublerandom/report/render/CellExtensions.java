package cn.doublerandom.report.render;

import io.quarkus.qute.TemplateExtension;

import java.util.regex.Pattern;

/** Template helpers of the report pages. */
@TemplateExtension
public final class CellExtensions {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?%?");

    private CellExtensions() {
    }

    /** A figure, right-aligned in the table: "7129", "9.85", "79.93%", or "—" for none. Codes such as USCCs are not. */
    static boolean numeric(String cell) {
        return cell != null && (cell.equals("—") || cell.length() <= 12 && NUMBER.matcher(cell).matches());
    }
}
