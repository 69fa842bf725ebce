package cn.doublerandom.registry.history;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which fields differ between two versions of a registry record. */
public final class Changes {

    private Changes() {
    }

    public static List<String> between(Record before, Record after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent c : after.getClass().getRecordComponents()) {
            if (before == null || !Objects.equals(value(c, before), value(c, after))) {
                changed.add(c.getName());
            }
        }
        return changed;
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
