package cn.doublerandom.demo;

import cn.doublerandom.item.InspectingLevel;
import cn.doublerandom.registry.target.ObjectKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's item list shows what a county's quarter needs: every item names its responsible division
 * (责任处室) and the object kinds it inspects (检查对象), so that division draws and joint inspections can
 * be tried, and item 1, whose level and 检查对象 are missing in the source, carries the service's reading.
 */
class DemoItemsTest {

    @Test
    void everyDemoItemNamesItsDivisionAndKindsAndItemOneSaysItIsOurReading() throws Exception {
        JsonNode items;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("reference/demo/items-130100.json")) {
            assertNotNull(in, "the demo item list is missing");
            items = new ObjectMapper().readTree(in);
        }
        assertTrue(items.size() >= 10, "the demo list has " + items.size() + " items");
        Set<String> divisions = new HashSet<>();
        for (JsonNode item : items) {
            String at = "item " + item.path("seqNo").asText() + " " + item.path("name").asText();
            String division = item.path("responsibleDivision").asText("");
            assertFalse(division.isBlank(), at + " names no responsible division");
            divisions.add(division);
            assertTrue(item.path("objectKinds").size() > 0, at + " names no object kind");
            for (JsonNode kind : item.path("objectKinds")) {
                ObjectKind.valueOf(kind.asText());
            }
            InspectingLevel.valueOf(item.path("inspectingLevel").asText());
        }
        assertTrue(divisions.size() >= 3, "divisions of the demo list: " + divisions);
        JsonNode first = items.get(0);
        assertEquals("1", first.path("seqNo").asText());
        assertEquals("COUNTY_AND_ABOVE", first.path("inspectingLevel").asText());
        assertEquals("POLLUTANT_DISCHARGER", first.path("objectKinds").get(0).asText());
        assertTrue(first.path("readingNote").asText().contains("本服务的解读"), first.path("readingNote").asText());
    }
}
