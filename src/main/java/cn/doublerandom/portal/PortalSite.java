package cn.doublerandom.portal;

import cn.doublerandom.calendar.Quarter;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.arc.Arc;

import java.util.Optional;

/**
 * What every portal page shows of the site that runs it: the footer's sponsor (主办单位), contact
 * (联系方式), government website code (网站标识码) and ICP registration (ICP备案号), from configuration
 * ({@link PortalConfig.Site}) since each bureau's differ; and periods as bureaus write them.
 */
@TemplateExtension(namespace = "site")
public final class PortalSite {

    private PortalSite() {
    }

    static String sponsor() {
        return value(site().sponsor());
    }

    static String contact() {
        return value(site().contact());
    }

    static String siteCode() {
        return value(site().siteCode());
    }

    static String icp() {
        return value(site().icp());
    }

    /** The footer's line: each of sponsor, contact, website code and ICP number that is set, in that order; null when none is. */
    static String line() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        add(parts, "主办单位：", sponsor());
        add(parts, "联系方式：", contact());
        add(parts, "网站标识码：", siteCode());
        // the ICP number carries its own words (冀ICP备…号), as government sites print it
        add(parts, "", icp());
        return parts.isEmpty() ? null : String.join(" · ", parts);
    }

    private static void add(java.util.List<String> parts, String label, String value) {
        if (value != null) {
            parts.add(label + value);
        }
    }

    /** 2026Q4 as 2026年第四季度. */
    static String quarter(String code) {
        return Quarter.chinese(code);
    }

    private static PortalConfig.Site site() {
        return Arc.container().instance(PortalConfig.class).get().site();
    }

    private static String value(Optional<String> v) {
        return v.filter(s -> !s.isBlank()).orElse(null);
    }
}
