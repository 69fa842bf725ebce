package cn.doublerandom.report.render;

import cn.doublerandom.platform.problem.ProblemException;

/** How a report is answered: JSON (default), the .xlsx or .csv tables, the HTML page, or one of its charts as a standalone SVG. */
public enum ReportFormat {
    JSON, XLSX, CSV, HTML, SVG;

    public static ReportFormat parse(String format) {
        if (format == null || format.isBlank()) {
            return JSON;
        }
        return switch (format) {
            case "json" -> JSON;
            case "xlsx" -> XLSX;
            case "csv" -> CSV;
            case "html" -> HTML;
            case "svg" -> SVG;
            default -> throw ProblemException.invalid("format", "format must be json, xlsx, csv, html or svg");
        };
    }
}
