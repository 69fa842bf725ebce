package cn.doublerandom.platform.request;

import com.fasterxml.jackson.core.JsonParser;
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

    static final class BoundedDate extends LocalDateDeserializer {
        BoundedDate() {
            super(LocalDateDeserializer.INSTANCE, (Boolean) null);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            LocalDate date = super.deserialize(p, ctx);
            if (date != null && (date.isBefore(DateParameters.EARLIEST) || date.isAfter(DateParameters.LATEST))) {
                throw InvalidFormatException.from(p, "date out of range", date.toString(), LocalDate.class);
            }
            return date;
        }
    }
}
