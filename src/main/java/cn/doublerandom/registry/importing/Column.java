package cn.doublerandom.registry.importing;

import java.util.List;

/**
 * A column of a registry spreadsheet. {@code key} is the record field it fills (so that a rule's
 * field problem points at this column); {@code header} is what exports write and what bureaus'
 * templates call it; {@code aliases} are other names accepted on import.
 */
public record Column(String key, String header, boolean required, List<String> aliases) {

    public static Column required(String key, String header, String... aliases) {
        return new Column(key, header, true, List.of(aliases));
    }

    public static Column optional(String key, String header, String... aliases) {
        return new Column(key, header, false, List.of(aliases));
    }
}
