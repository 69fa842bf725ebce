package cn.doublerandom.platform.logging;

import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/**
 * One JSON object per log line: timestamp, level, logger, thread, message, the request id from the
 * MDC, and the stack trace of an exception. What log shippers (Loki, ELK, Fluent Bit) expect.
 */
public class JsonLogFormatter extends ExtFormatter {

    @Override
    public String format(ExtLogRecord r) {
        StringBuilder b = new StringBuilder(256).append('{');
        field(b, "timestamp", Instant.ofEpochMilli(r.getMillis()).toString()).append(',');
        field(b, "level", r.getLevel().getName()).append(',');
        field(b, "logger", r.getLoggerName()).append(',');
        field(b, "thread", r.getThreadName()).append(',');
        String requestId = r.getMdc("requestId");
        if (requestId != null) {
            field(b, "requestId", requestId).append(',');
        }
        field(b, "message", formatMessage(r));
        if (r.getThrown() != null) {
            StringWriter trace = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(trace));
            b.append(',');
            field(b, "exception", trace.toString());
        }
        return b.append("}\n").toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":");
        if (value == null) {
            return b.append("null");
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
