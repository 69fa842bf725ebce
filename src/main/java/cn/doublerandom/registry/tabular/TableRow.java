package cn.doublerandom.registry.tabular;

import java.util.AbstractList;
import java.util.BitSet;
import java.util.List;

/**
 * One non-blank data row. Values are trimmed; a blank cell is {@code null} (never an empty string).
 * Immutable.
 */
public final class TableRow {
    private final int rowNumber;
    private final String[] values;
    /** Columns whose workbook cell was numeric (xlsx only); null when none. */
    private final BitSet numeric;
    /** Columns whose numeric value has more than 15 digits (cannot be trusted); null when none. */
    private final BitSet overPrecision;

    TableRow(int rowNumber, String[] values, BitSet numeric, BitSet overPrecision) {
        this.rowNumber = rowNumber;
        this.values = values;
        this.numeric = numeric == null || numeric.isEmpty() ? null : numeric;
        this.overPrecision = overPrecision == null || overPrecision.isEmpty() ? null : overPrecision;
    }

    /** Creates a row, e.g. for tests or for writing; values are taken as given (not trimmed). */
    public static TableRow of(int rowNumber, List<String> values) {
        return new TableRow(rowNumber, values.toArray(new String[0]), null, null);
    }

    /**
     * 1-based spreadsheet row number as Excel shows it (header usually 1, first data row 2). Blank
     * rows are skipped but still counted, so this points at the right row of the original file.
     * For CSV it is the record number (a quoted cell with line breaks is still one row).
     */
    public int rowNumber() {
        return rowNumber;
    }

    /** Number of columns (the table's width). */
    public int size() {
        return values.length;
    }

    /** Trimmed value of the 0-based column, or {@code null} if blank or out of range. */
    public String get(int column) {
        return column >= 0 && column < values.length ? values[column] : null;
    }

    /** All values (unmodifiable view, blanks are null), as wide as the table's header. */
    public List<String> values() {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return values[index];
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /**
     * True if the cell was stored as a number in the workbook (xlsx only; always false for CSV).
     * An identifier column (USCC, registration number, phone) should be text; a numeric cell there
     * may already have lost digits, see {@link #exceedsNumericPrecision(int)}.
     */
    public boolean isNumeric(int column) {
        return numeric != null && numeric.get(column);
    }

    /**
     * True if the cell was numeric and its value has more than 15 digits (ignoring sign, decimal
     * point and leading zeros). Excel keeps only 15 significant digits, so digits beyond the 15th
     * cannot be trusted (a USCC typed as a number, e.g. 913701001234567890, is shown and saved by
     * Excel as 913701001234568000). Callers should report such cells as a problem.
     */
    public boolean exceedsNumericPrecision(int column) {
        return overPrecision != null && overPrecision.get(column);
    }

    String[] rawValues() {
        return values;
    }

    TableRow widen(int width) {
        if (values.length == width) {
            return this;
        }
        return new TableRow(rowNumber, java.util.Arrays.copyOf(values, width), numeric, overPrecision);
    }

    @Override
    public String toString() {
        return "row " + rowNumber + " " + values();
    }
}
