package cn.doublerandom.registry.importing;

import cn.doublerandom.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Media types and download responses of the registry spreadsheets. */
public final class Spreadsheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    private Spreadsheets() {
    }

    public static String format(String format) {
        if (format == null || format.equals("xlsx")) {
            return "xlsx";
        }
        if (format.equals("csv")) {
            return "csv";
        }
        throw ProblemException.invalid("format", "format must be xlsx or csv");
    }

    /** A download named e.g. 检查对象名录库-130123.xlsx. */
    public static Response download(String format, String baseName, StreamingOutput body) {
        String file = baseName + "." + format;
        String ascii = file.replaceAll("[^A-Za-z0-9.-]", "_");
        return Response.ok(body, "csv".equals(format) ? CSV + "; charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    public interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }

    public static StreamingOutput streaming(Writer writer) {
        return out -> {
            try {
                writer.write(out);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
    }
}
