package cn.doublerandom.platform.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The page behind every problem type URI (RFC 9457 §3.1.1: a type should resolve to documentation
 * for people), and an index of them all. Static text from {@link ProblemType}; no token needed.
 */
@Path("/problems")
@PermitAll
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ProblemPages {

    @GET
    @Operation(hidden = true)
    public String index() {
        StringBuilder body = new StringBuilder("<h1>Problem types</h1>\n<p>Every error of the service is an "
                + "<code>application/problem+json</code> document whose <code>type</code> is one of these.</p>\n<dl>\n");
        for (ProblemType t : ProblemType.values()) {
            body.append("<dt><a href=\"").append(escape(t.uri())).append("\">").append(escape(t.slug())).append("</a> (")
                    .append(t.status()).append(")</dt><dd>").append(escape(t.titleZh())).append(" — ")
                    .append(escape(t.title())).append("</dd>\n");
        }
        return page("Problem types", body.append("</dl>").toString());
    }

    @GET
    @Path("/{slug}")
    @Operation(hidden = true)
    public String type(@PathParam("slug") String slug) {
        ProblemType t = ProblemType.ofSlug(slug).orElseThrow(() -> ProblemException.notFound("no such problem type"));
        return page(t.titleZh(), "<h1>" + escape(t.titleZh()) + "</h1>\n<p><strong>" + escape(t.title()) + "</strong></p>\n"
                + "<p><code>type</code>: <code>" + escape(t.uri()) + "</code><br>HTTP status: " + t.status() + "</p>\n"
                + "<p>" + escape(t.explanation()) + "</p>\n"
                + "<p>The <code>detail</code> member says what happened in the request; <code>instance</code> is its path; "
                + "<code>errors</code>, where present, lists each bad field or cell. <a href=\""
                + escape(t.uri().substring(0, t.uri().length() - t.slug().length())) + "\">All problem types</a></p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body>\n" + body + "\n</body></html>\n";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
