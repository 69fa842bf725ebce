package cn.doublerandom.draw;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A request to prepare a draw: the authority (a county or city bureau's region), the quarter, the
 * kind, the items done in one visit, and for a directed draw its filter and count. {@code replaces}
 * names a voided draw this one redoes. {@code division} is the responsible division (责任处室) drawing,
 * found from the items when they all have the same; {@code joint} declares an internal joint
 * inspection (内部联合抽查) whose items belong to two or more divisions, led by {@code division}.
 * {@code randomness} names a future public source whose value must be the given seed at execute
 * ({@code ssq <issue>}, {@code dlt <issue>}, {@code drand <round>} or {@code nist <pulse>}).
 */
public record PrepareRequest(String authority, String quarter,
                             @Schema(enumeration = {"UNDIRECTED", "DIRECTED"}, defaultValue = "UNDIRECTED") String kind,
                             List<Long> items, DirectedFilter filter, Integer count, String replaces, String division,
                             Boolean joint,
                             @Schema(description = "A public source of randomness named in advance, '<source> <round>': ssq (福彩双色球) or dlt (体彩大乐透) by issue, drand or nist by round; the given seed at execute must be its value", example = "ssq 2026130") String randomness) {
}
