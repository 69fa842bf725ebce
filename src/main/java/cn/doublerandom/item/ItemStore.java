package cn.doublerandom.item;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** The hand-written SQL of the item list ({@code inspection_item}), beside its entity's queries. */
final class ItemStore {

    private ItemStore() {
    }

    /** The names of these items, by id, in one query on the caller's connection; an unknown id is absent. */
    static Map<Long, String> names(Connection c, java.util.Collection<Long> ids) throws SQLException {
        Map<Long, String> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (java.sql.PreparedStatement ps = c.prepareStatement("select id, name from inspection_item where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

}
