package cn.doublerandom.registry.history;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which fields differ between two versions of a registry record. */
public final class Changes {

    private record Accessor(String name, MethodHandle getter) {
    }

    /** Class.getRecordComponents() rebuilds its answer on every call; an import compares 100,000 pairs. */
    private static final ClassValue<List<Accessor>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Accessor> computeValue(Class<?> type) {
            List<Accessor> out = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                try {
                    out.add(new Accessor(c.getName(), MethodHandles.publicLookup().unreflect(c.getAccessor())));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            return List.copyOf(out);
        }
    };

    private Changes() {
    }

    public static List<String> between(Record before, Record after) {
        List<String> changed = new ArrayList<>();
        for (Accessor a : ACCESSORS.get(after.getClass())) {
            if (before == null || !Objects.equals(value(a, before), value(a, after))) {
                changed.add(a.name());
            }
        }
        return changed;
    }

    private static Object value(Accessor a, Record r) {
        try {
            return a.getter().invoke(r);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
