package cn.doublerandom.draw;

import java.util.List;

/**
 * A request to prepare a draw: the authority (a county or city bureau's region), the quarter, the
 * kind, the items done in one visit, and for a directed draw its filter and count. {@code replaces}
 * names a voided draw this one redoes.
 */
public record PrepareRequest(String authority, String quarter, String kind, List<Long> items, DirectedFilter filter,
                             Integer count, String replaces) {
}
