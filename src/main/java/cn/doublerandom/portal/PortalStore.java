package cn.doublerandom.portal;

import cn.doublerandom.authority.AuthorityDirectory;
import cn.doublerandom.platform.database.PortalDataSource;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.region.RegionRange;
import cn.doublerandom.result.Handling;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The portal's SQL ({@link PortalService}), on the portal's data source: publication's view
 * {@code published_result}, result's view {@code result_disclosure} and the draw's views {@code draw_state}
 * and {@code draw_selection}, the read APIs of their owners. The service keeps the filters' rules and
 * builds what the public sees; this class only reads.
 */
@ApplicationScoped
class PortalStore {

    /** A publication row with its handling codes, as publication's view gives them to the public. */
    private static final String PUBLICATION = "select * from published_result";

    @Inject
    PortalDataSource database;

    @Inject
    AuthorityDirectory authorities;

    @Inject
    ObjectMapper json;

    /** The list filters, checked: each one null when not given. */
    record Criteria(RegionRange region, String quarter, LocalDate from, LocalDate to, String wording, String uscc) {
    }

    /** A public draw's row in {@code draw_state}, and whether any of its results is withheld. */
    record DrawRow(String id, String authority, String quarter, String kind, LocalDate drawDate, String poolHash,
                   String commit, String nonce, String snapshot, String given, String seed, Long[] items, boolean withheld) {
    }

    /** A selected target of a draw, in selection order, with its result's id and public name. */
    record Selected(String uscc, String resultId, boolean confidential, String visit, String name) {
    }

    /** The filters as SQL conditions after a {@code where}, with their parameters. */
    private record Where(StringBuilder sql, List<Object> params) {
    }

    private static Where where(Criteria c, String name) {
        StringBuilder sql = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (c.region() != null) {
            // a range, not LIKE: the (region_code, seq) index serves it whatever the collation
            sql.append(" and region_code >= ? and region_code < ?");
            params.add(c.region().from());
            params.add(c.region().to());
        }
        if (c.quarter() != null) {
            sql.append(" and quarter = ?");
            params.add(c.quarter());
        }
        if (c.from() != null) {
            sql.append(" and inspection_date >= ?");
            params.add(c.from());
        }
        if (c.to() != null) {
            sql.append(" and inspection_date <= ?");
            params.add(c.to());
        }
        if (c.wording() != null) {
            // any item of that wording (the GIN index on wordings serves it)
            sql.append(" and wordings @> array[cast(? as text)]");
            params.add(c.wording());
        }
        if (c.uscc() != null) {
            sql.append(" and uscc = ?");
            params.add(c.uscc());
        }
        if (name != null) {
            sql.append(" and enterprise_name like ? escape '\\'");
            params.add("%" + Sql.likeEscape(name) + "%");
        }
        return new Where(sql, params);
    }

    /** The published results of these publication numbers, newest first. */
    List<PublicResult> bySeq(long[] seqs) {
        return query(PUBLICATION + " where seq = any(?) order by seq desc", List.of(seqs));
    }

    /** Up to {@code max} published results the filters match (a name fragment: by LIKE), newest first, before {@code before} (null: from the newest). */
    List<PublicResult> results(Criteria c, String name, Long before, int max) {
        Where w = where(c, name);
        StringBuilder sql = new StringBuilder(PUBLICATION).append(w.sql());
        List<Object> params = new ArrayList<>(w.params());
        if (before != null) {
            sql.append(" and seq < ?");
            params.add(before);
        }
        sql.append(" order by seq desc limit ?");
        params.add(max);
        return query(sql.toString(), params);
    }

    /** How many published results the filters match, counting no further than {@code cap} + 1. */
    long count(Criteria c, String name, int cap) {
        Where w = where(c, name);
        StringBuilder sql = new StringBuilder("select count(*) from (select 1 from published_result").append(w.sql());
        List<Object> params = new ArrayList<>(w.params());
        sql.append(" limit ?) x");
        params.add(cap + 1);
        try (Connection conn = database.get().getConnection(); PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            bind(conn, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every published version of one result, newest first. */
    List<PublicResult> versions(String id) {
        return query(PUBLICATION + " where result_id = ? order by version desc", List.of(id));
    }

    private List<PublicResult> query(String sql, List<Object> params) {
        List<PublicResult> rows = new ArrayList<>();
        try (Connection c = database.get().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof LocalDate d) {
                Sql.setDate(ps, i + 1, d);
            } else if (p instanceof long[] longs) {
                Long[] boxed = new Long[longs.length];
                for (int k = 0; k < longs.length; k++) {
                    boxed[k] = longs[k];
                }
                ps.setArray(i + 1, c.createArrayOf("bigint", boxed));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private PublicResult row(ResultSet rs) throws SQLException {
        String authority = rs.getString("authority");
        List<Handling> handling = Sql.getArray(rs, "handling_codes", Handling::valueOf);
        return new PublicResult(rs.getString("result_id"), rs.getInt("version"), authority, authorities.nameOf(authority),
                rs.getString("region_code"), PortalService.INSPECTION_TYPE, Sql.getDate(rs, "inspection_date"), rs.getString("wording"),
                rs.getString("wording_text"), items(rs.getString("items")), handling.stream().map(Handling::name).toList(),
                handling.stream().map(Handling::label).collect(java.util.stream.Collectors.joining("、")),
                rs.getString("enterprise_name"), rs.getString("uscc"),
                PortalService.planName(rs.getString("quarter")), rs.getString("draw_id"), rs.getString("correction_reason"),
                Sql.getDate(rs, "published_date"), rs.getTimestamp("published_at").toInstant(), rs.getLong("seq"));
    }

    private List<PublicResult.PublishedItemResult> items(String text) {
        try {
            return json.readValue(text, new TypeReference<List<PublicResult.PublishedItemResult>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A draw is public when executed, not voided, and every selected target has a result that is published or withheld. */
    private static final String PUBLIC_DRAW = """
            d.status = 'EXECUTED'
            and not exists (select 1 from draw_selection t where t.draw_id = d.id and not exists (
                select 1 from result_disclosure r where r.draw_id = t.draw_id and r.uscc = t.uscc
                and (r.withheld or exists (select 1 from published_result p where p.result_id = r.id))))""";

    /** Up to {@code max} ids of the public draws of authorities under {@code prefix}, newest first, before {@code after} (null: from the newest). */
    List<String> publicDrawIds(String prefix, String after, int max) {
        List<String> ids = new ArrayList<>();
        try (Connection c = database.get().getConnection(); PreparedStatement ps = c.prepareStatement(
                "select d.id from draw_state d where d.authority like ? and (cast(? as text) is null or d.id < ?) and " + PUBLIC_DRAW
                        + " order by d.id desc limit ?")) {
            ps.setString(1, prefix + "%");
            ps.setString(2, after);
            ps.setString(3, after);
            ps.setInt(4, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** Whether a draw is public (without loading it). */
    boolean isPublicDraw(String id) {
        try (Connection c = database.get().getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from draw_state d where d.id = ? and " + PUBLIC_DRAW)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A draw's row if the draw is public. */
    Optional<DrawRow> publicDraw(String id) {
        try (Connection c = database.get().getConnection(); PreparedStatement ps = c.prepareStatement("""
                select d.id, d.authority, d.quarter, d.kind, d.draw_date, d.pool_hash, d.commit, d.nonce, d.snapshot,
                       d.given, d.seed, d.items,
                       exists (select 1 from result_disclosure r where r.draw_id = d.id and r.withheld) as withheld
                from draw_state d where d.id = ?""" + " and " + PUBLIC_DRAW)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DrawRow(rs.getString("id"), rs.getString("authority"), rs.getString("quarter"),
                        rs.getString("kind"), Sql.getDate(rs, "draw_date"), rs.getString("pool_hash"), rs.getString("commit"),
                        rs.getString("nonce"), rs.getString("snapshot"), rs.getString("given"), rs.getString("seed"),
                        (Long[]) rs.getArray("items").getArray(), rs.getBoolean("withheld")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A draw's selected targets in selection order, each with its result and the name its latest published version gives. */
    List<Selected> selection(String drawId) {
        List<Selected> out = new ArrayList<>();
        try (Connection c = database.get().getConnection(); PreparedStatement t = c.prepareStatement("""
                select t.uscc, r.id, r.withheld as confidential, t.visit,
                       (select p.enterprise_name from published_result p where p.result_id = r.id
                        order by p.version desc limit 1) as name
                from draw_selection t join result_disclosure r on r.draw_id = t.draw_id and r.uscc = t.uscc
                where t.draw_id = ? order by t.position""")) {
            t.setString(1, drawId);
            try (ResultSet trs = t.executeQuery()) {
                while (trs.next()) {
                    out.add(new Selected(trs.getString("uscc"), trs.getString("id"), trs.getBoolean("confidential"),
                            trs.getString("visit"), trs.getString("name")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
