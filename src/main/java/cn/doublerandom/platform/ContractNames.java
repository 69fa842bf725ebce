package cn.doublerandom.platform;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract names a value the same way wherever it appears ({@code uscc}, {@code regionCode},
 * {@code quarter}), so the capability that owns a value's form states it once, in an OpenAPI filter,
 * and this puts it on every string property and parameter of that name: a client generator then
 * validates what the service would refuse.
 */
public final class ContractNames {

    private ContractNames() {
    }

    /** Gives every string property and parameter named one of {@code names} the pattern and an example. */
    public static void pattern(OpenAPI openAPI, Set<String> names, String regex, String example) {
        String anchored = "^" + regex + "$";
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            for (Schema schema : openAPI.getComponents().getSchemas().values()) {
                apply(schema, names, anchored, example);
            }
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getParameters() == null) {
                    continue;
                }
                for (Parameter p : op.getParameters()) {
                    if (p.getIn() != Parameter.In.HEADER && names.contains(p.getName()) && isString(p.getSchema())) {
                        p.getSchema().pattern(anchored);
                        if (p.getExample() == null) {
                            p.setExample(example);
                        }
                    }
                }
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values()
                            .forEach(m -> apply(m.getSchema(), names, anchored, example));
                }
            }
        }
    }

    private static void apply(Schema schema, Set<String> names, String anchored, String example) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            Schema value = property.getValue();
            if (names.contains(property.getKey()) && isString(value) && value.getPattern() == null) {
                value.pattern(anchored);
                if (value.getExamples() == null || value.getExamples().isEmpty()) {
                    value.setExamples(List.of(example));
                }
            }
        }
    }

    private static boolean isString(Schema schema) {
        return schema != null && schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.STRING))
                && schema.getEnumeration() == null;
    }
}
