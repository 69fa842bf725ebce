package cn.doublerandom.portal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;

/**
 * Entity tags for the public HTML pages, as the JSON API has them: a page marked publicly cacheable
 * gets the hash of its body as ETag, and a request that already holds it gets 304 without the body.
 * Pages marked no-store (errors, the bureaus' reports) are left alone.
 */
public class PageCaching {

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || !(response.getEntity() instanceof String page)) {
            return;
        }
        MediaType type = response.getMediaType();
        String cache = response.getHeaderString("Cache-Control");
        if (type == null || !type.isCompatible(MediaType.TEXT_HTML_TYPE) || cache == null || !cache.startsWith("public")) {
            return;
        }
        EntityTag tag = CacheTags.of(page.getBytes(StandardCharsets.UTF_8));
        response.getHeaders().putSingle("ETag", tag);
        String ifNoneMatch = request.getHeaderString("If-None-Match");
        if (ifNoneMatch != null && CacheTags.matches(ifNoneMatch, tag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }
}
