package cn.doublerandom.registry.tabular;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A header and data rows read from a spreadsheet file. Header names are trimmed as found (a column
 * without a header name, but with data, has the name ""). Fully blank rows are not included; each
 * {@link TableRow} keeps its original row number. Immutable.
 */
public final class Table {
    private final List<String> header;
    private final int headerRowNumber;
    private final List<TableRow> rows;
    private final SourceFormat sourceFormat;

    Table(List<String> header, int headerRowNumber, List<TableRow> rows, SourceFormat sourceFormat) {
        this.header = Collections.unmodifiableList(new ArrayList<>(header));
        this.headerRowNumber = headerRowNumber;
        this.rows = Collections.unmodifiableList(rows);
        this.sourceFormat = sourceFormat;
    }

    /** Builds a table in memory (e.g. to write it). Rows are widened to the header's width. */
    public static Table of(List<String> header, List<List<String>> rows) {
        List<TableRow> list = new ArrayList<>(rows.size());
        int n = 2;
        for (List<String> r : rows) {
            list.add(TableRow.of(n++, r).widen(Math.max(header.size(), r.size())));
        }
        return new Table(header, 1, list, null);
    }

    /** Column names, trimmed, in file order. */
    public List<String> header() {
        return header;
    }

    /** 1-based row number of the header row (1 unless the file starts with blank rows). */
    public int headerRowNumber() {
        return headerRowNumber;
    }

    /** Non-blank data rows in file order. */
    public List<TableRow> rows() {
        return rows;
    }

    /** Number of non-blank data rows. */
    public int size() {
        return rows.size();
    }

    /** How the content was read; null for a table built with {@link #of}. */
    public SourceFormat sourceFormat() {
        return sourceFormat;
    }

    /** Index of the column with exactly this (trimmed) name, or -1. */
    public int columnIndex(String name) {
        return header.indexOf(Objects.requireNonNull(name).strip());
    }

    /** Excel column letter ("A", "B", ..., "AA") of a 0-based column index, for messages. */
    public static String columnLetter(int index) {
        return Cells.columnLetter(index);
    }

    @Override
    public String toString() {
        return "Table[" + sourceFormat + ", header=" + header + ", rows=" + rows.size() + "]";
    }
}
