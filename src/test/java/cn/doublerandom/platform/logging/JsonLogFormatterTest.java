package cn.doublerandom.platform.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLogFormatterTest {

    @Test
    void eachLineIsOneJsonObjectWithTheRequestId() throws Exception {
        MDC.put("requestId", "req-7");
        try {
            ExtLogRecord record = new ExtLogRecord(Level.WARNING, "导入失败 \"x\"\n第二行\u0001", ExtLogRecord.FormatStyle.NO_FORMAT, "t");
            record.setLoggerName("cn.doublerandom.test");
            record.copyMdc();
            record.setThrown(new IllegalStateException("boom"));
            String line = new JsonLogFormatter().format(record);
            assertTrue(line.endsWith("}\n") && line.indexOf('\n') == line.length() - 1, line);
            JsonNode json = new ObjectMapper().readTree(line);
            assertEquals("WARNING", json.get("level").asText());
            assertEquals("req-7", json.get("requestId").asText());
            assertEquals("导入失败 \"x\"\n第二行\u0001", json.get("message").asText());
            assertTrue(json.get("exception").asText().startsWith("java.lang.IllegalStateException: boom"));
        } finally {
            MDC.remove("requestId");
        }
    }
}
