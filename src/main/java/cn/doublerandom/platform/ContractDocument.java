package cn.doublerandom.platform;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Serves the contract at {@code /q/openapi} in the packaged service, built on the first request
 * instead of at start.
 * <p>
 * Quarkus parses its build-time document (as YAML, a large share of a restart's CPU) and serialises it
 * at every start. The packaged jar therefore leaves that runtime copy out (the pom's
 * {@code contract-document-at-first-request} step), which empties Quarkus' own endpoint, and this
 * class answers the same paths instead: from the build-time YAML copy, through the same SmallRye calls
 * Quarkus makes, so the bytes are the ones Quarkus would serve (ContractDocumentTest compares them).
 * Where Quarkus still has its document (tests, dev mode) it answers, and nothing is installed here.
 */
@ApplicationScoped
public class ContractDocument {

    private static final Logger LOG = Logger.getLogger(ContractDocument.class);
    static final String RUNTIME_COPY = OpenApiConstants.BASE_NAME + ".JSON";
    static final String BUILD_COPY = OpenApiConstants.BASE_NAME + ".YAML";

    private volatile byte[] json;
    private volatile byte[] yaml;

    void install(@Observes Router router) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader.getResource(RUNTIME_COPY) != null || loader.getResource(BUILD_COPY) == null) {
            return;
        }
        LOG.debug("the contract at /q/openapi is built on its first request");
        // before Quarkus' own route, which answers an empty body without its runtime copy
        router.routeWithRegex("/q/openapi(\\.json|\\.yaml|\\.yml)?").order(-8_000).handler(this::answer);
    }

    private void answer(RoutingContext rc) {
        // as Quarkus' handler: OPTIONS lists the methods, any other method gets the document
        if (HttpMethod.OPTIONS.equals(rc.request().method())) {
            rc.response().headers().set("Allow", "GET, HEAD, OPTIONS");
            rc.next();
            return;
        }
        List<String> param = rc.queryParam("format");
        Format format = formatOf(rc.normalizedPath(), rc.request().getHeader("Accept"), param.isEmpty() ? null : param.get(0));
        byte[] made = format == Format.JSON ? json : yaml;
        if (made != null) {
            send(rc, format, made);
            return;
        }
        // the first request builds the document off the event loop: it takes seconds of CPU
        rc.vertx().executeBlocking(() -> document(format), false).onComplete(done -> {
            if (done.succeeded()) {
                send(rc, format, done.result());
            } else {
                rc.fail(done.cause());
            }
        });
    }

    private static void send(RoutingContext rc, Format format, byte[] body) {
        rc.response().headers().set("Content-Type", format.getMimeType() + ";charset=UTF-8");
        rc.response().end(Buffer.buffer(body));
    }

    /** Quarkus' choice of format: the path's extension, else JSON when the Accept header or {@code format} asks for it, else YAML. */
    static Format formatOf(String path, String accept, String formatParam) {
        if (path.endsWith(".json")) {
            return Format.JSON;
        }
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            return Format.YAML;
        }
        if ((accept != null && accept.contains(Format.JSON.getMimeType())) || "JSON".equalsIgnoreCase(formatParam)) {
            return Format.JSON;
        }
        return Format.YAML;
    }

    /** The document in the format asked, made once from the build-time copy. */
    byte[] document(Format format) {
        if (yaml == null) {
            synchronized (this) {
                if (yaml == null) {
                    SmallRyeOpenAPI openApi = render();
                    json = openApi.toJSON().getBytes(StandardCharsets.UTF_8);
                    yaml = openApi.toYAML().getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        return format == Format.JSON ? json : yaml;
    }

    /**
     * What Quarkus' OpenApiDocumentService does at start with its runtime copy, on the build-time YAML
     * copy; SmallRye reads the service's configuration itself.
     */
    static SmallRyeOpenAPI render() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return SmallRyeOpenAPI.builder()
                .withApplicationClassLoader(loader)
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableAnnotationScan(false)
                .enableStandardFilter(false)
                .withCustomStaticFile(() -> {
                    InputStream in = loader.getResourceAsStream(BUILD_COPY);
                    if (in == null) {
                        throw new IllegalStateException("the jar has no " + BUILD_COPY);
                    }
                    return in;
                })
                .build();
    }
}
