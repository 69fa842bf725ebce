package cn.doublerandom.platform.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Every JSON body, for every endpoint: exactly one JSON value (trailing content such as {@code {} {}}
 * is refused, not silently dropped), dates within {@link DateParameters}' years, and booleans as true
 * or false, not numbers.
 */
@Singleton
public class JsonBodyRules implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // a yes/no field is true or false: 2 is not silently true
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("business-dates").addDeserializer(LocalDate.class, new BoundedDate()));
    }

    @Override
    public int priority() {
        // after Quarkus' own registration of the java.time module, so that this date rule wins
        return MINIMUM_PRIORITY;
    }

    /**
     * Wraps the java.time deserializer rather than extending it: its contextual copies (one per
     * property) are plain {@code LocalDateDeserializer}s, which would drop these checks.
     */
    static final class BoundedDate extends StdDeserializer<LocalDate> implements ContextualDeserializer {
        private final JsonDeserializer<?> dates;

        BoundedDate() {
            this(LocalDateDeserializer.INSTANCE);
        }

        private BoundedDate(JsonDeserializer<?> dates) {
            super(LocalDate.class);
            this.dates = dates;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctx, BeanProperty property) throws JsonMappingException {
            return dates instanceof ContextualDeserializer c ? new BoundedDate(c.createContextual(ctx, property)) : this;
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            // the java.time deserializer trims a string and takes what is left empty as absent, so a date
            // holding "\u0000" or spaces read as no date at all; only null, "" or no field are absent
            if (p.hasToken(JsonToken.VALUE_STRING) && !plain(p.getText())) {
                throw InvalidFormatException.from(p, "not a date", p.getText(), LocalDate.class);
            }
            LocalDate date = (LocalDate) dates.deserialize(p, ctx);
            if (date != null && (date.isBefore(DateParameters.EARLIEST) || date.isAfter(DateParameters.LATEST))) {
                throw InvalidFormatException.from(p, "date out of range", date.toString(), LocalDate.class);
            }
            return date;
        }

        /** Empty, or no whitespace or control character anywhere in it. */
        private static boolean plain(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
