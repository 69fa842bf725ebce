package cn.doublerandom.portal;

import cn.doublerandom.calendar.QuarterParameter;
import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.DrawFacts;
import cn.doublerandom.draw.ledger.Ledger;
import cn.doublerandom.authority.AuthorityDirectory;
import cn.doublerandom.item.InspectionMethod;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.database.PortalDataSource;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.portal.search.NameIndex;
import cn.doublerandom.portal.search.NameSearch;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.region.RegionRange;
import cn.doublerandom.result.Handling;
import cn.doublerandom.registry.target.Uscc;
import cn.doublerandom.wording.WordingCatalog;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the public sees: published results only (publication's view {@code published_result}, which never
 * holds a confidential or unpublished result), and draws whose every result is published or withheld (result's
 * view {@code result_disclosure} says which are withheld). The portal names no table of theirs.
 */
@ApplicationScoped
public class PortalService {

    static final String INSPECTION_TYPE = "双随机抽查";
    /** A publication row with its handling codes, as publication's view gives them to the public. */
    private static final String PUBLICATION = "select * from published_result";
    private static final Pattern CURSOR = Pattern.compile("[1-9]\\d{0,18}");

    @Inject
    PortalDataSource database;

    @Inject
    ItemService itemList;

    @Inject
    RegionDirectory regions;

    @Inject
    AuthorityDirectory authorities;

    @Inject
    Ledger ledger;

    @Inject
    NameSearch names;

    @Inject
    WordingCatalog wordings;

    @Inject
    ObjectMapper json;

    /** The filters of the public result list. */
    public record Filter(String region, String quarter, LocalDate from, LocalDate to, String wording, String q) {
    }

    /** Whether a text is a list cursor: the publication number of the last row of the previous page. */
    public static boolean isCursor(String after) {
        if (after == null || !CURSOR.matcher(after).matches()) {
            return false;
        }
        // nineteen digits may still be beyond a long: a cursor is one only if it parses
        try {
            Long.parseLong(after);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public static String planName(String quarter) {
        return Quarter.parse(quarter).chinese() + "双随机抽查";
    }

    /** Counting a list's total stops here where it has to walk rows (a name, a date range, a wording). */
    public static final int COUNT_CAP = 10_000;

    /** A list's total: exact, or at least {@code n} when counting stopped at {@link #COUNT_CAP}. */
    public record Total(long n, boolean atLeast) {
    }

    /** The filters as SQL conditions and as the name index's conditions; {@code name} is a name fragment to search. */
    private record Where(StringBuilder sql, List<Object> params, NameIndex.Conditions conditions, String name) {
    }

    private Where where(Filter f) {
        StringBuilder sql = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        String prefix = null;
        if (f.region() != null) {
            Region region = regions.require("region", f.region());
            // a range, not LIKE: the (region_code, seq) index serves it whatever the collation
            prefix = regions.subtreePrefix(region.code());
            sql.append(" and region_code >= ? and region_code < ?");
            RegionRange range = RegionRange.ofPrefix(prefix);
            params.add(range.from());
            params.add(range.to());
        }
        String quarter = null;
        if (f.quarter() != null) {
            quarter = QuarterParameter.parse(f.quarter()).toString();
            sql.append(" and quarter = ?");
            params.add(quarter);
        }
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw ProblemException.invalid("to", "to (" + f.to() + ") is before from (" + f.from() + ")");
        }
        if (f.from() != null) {
            sql.append(" and inspection_date >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" and inspection_date <= ?");
            params.add(f.to());
        }
        if (f.wording() != null) {
            if (!wordings.isKnown(f.wording())) {
                throw ProblemException.invalid("wording", "wording must be a wording code: see /public/v1/wordings?region=");
            }
            // any item of that wording (the GIN index on wordings serves it)
            sql.append(" and wordings @> array[cast(? as text)]");
            params.add(f.wording());
        }
        NameIndex.Conditions conditions = new NameIndex.Conditions(
                prefix == null ? -1 : Integer.parseInt((prefix + "000000").substring(0, 6)),
                prefix == null ? -1 : Integer.parseInt((prefix + "999999").substring(0, 6)),
                quarter == null ? -1 : NameSearch.quarterCode(quarter),
                f.from() == null ? Integer.MIN_VALUE : (int) f.from().toEpochDay(),
                f.to() == null ? Integer.MAX_VALUE : (int) f.to().toEpochDay());
        String name = null;
        String q = Listing.query(f.q());
        if (q != null) {
            String upper = q.toUpperCase(java.util.Locale.ROOT);
            if (Uscc.hasForm(upper)) {
                sql.append(" and uscc = ?");
                params.add(upper);
            } else if (q.codePointCount(0, q.length()) < 2) {
                throw ProblemException.invalid("q", "q is a USCC or at least 2 characters of the enterprise name");
            } else {
                name = q;
            }
        }
        return new Where(sql, params, conditions, name);
    }

    public Page<PublicResult> results(Filter f, String after, Integer limitParam) {
        int limit = Listing.limit(limitParam == null ? 20 : limitParam);
        Where w = where(f);
        StringBuilder sql = new StringBuilder(PUBLICATION).append(w.sql());
        List<Object> params = new ArrayList<>(w.params());
        String cursor = Listing.cursor(after);
        long before = Long.MAX_VALUE;
        if (cursor != null) {
            if (!isCursor(cursor)) {
                throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
            }
            before = Long.parseLong(cursor);
        }
        if (w.name() != null) {
            if (f.wording() == null) {
                var seqs = names.search(w.name(), w.conditions(), before, limit + 1);
                if (seqs.isPresent()) {
                    return page(query(PUBLICATION + " where seq = any(?) order by seq desc", List.of(seqs.get())), limit);
                }
            }
            sql.append(" and enterprise_name like ? escape '\\'");
            params.add("%" + Sql.likeEscape(w.name()) + "%");
        }
        if (cursor != null) {
            sql.append(" and seq < ?");
            params.add(before);
        }
        sql.append(" order by seq desc limit ?");
        params.add(limit + 1);
        return page(query(sql.toString(), params), limit);
    }

    /**
     * How many published results the filters match (the list's 共 N 条): from this replica's name
     * index, kept at publication time, so a list costs no count in the database; in SQL only with a
     * wording or an exact USCC (few rows) or while the index loads, stopping at {@link #COUNT_CAP}.
     */
    public Total total(Filter f) {
        Where w = where(f);
        boolean usccOnly = f.q() != null && w.name() == null;
        if (f.wording() == null && !usccOnly) {
            var counted = names.count(w.name(), w.conditions(), COUNT_CAP);
            if (counted.isPresent()) {
                return new Total(counted.get().n(), counted.get().atLeast());
            }
        }
        StringBuilder sql = new StringBuilder("select count(*) from (select 1 from published_result").append(w.sql());
        List<Object> params = new ArrayList<>(w.params());
        if (w.name() != null) {
            sql.append(" and enterprise_name like ? escape '\\'");
            params.add("%" + Sql.likeEscape(w.name()) + "%");
        }
        sql.append(" limit ?) x");
        params.add(COUNT_CAP + 1);
        try (Connection c = database.get().getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                return new Total(Math.min(n, COUNT_CAP), n > COUNT_CAP);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Page<PublicResult> page(List<PublicResult> rows, int limit) {
        return Page.of(rows, limit, r -> Long.toString(r.seq()));
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

    /** Every published version of one result, newest first; empty when nothing of it is published. */
    public List<PublicResult> result(String id) {
        try (Connection c = database.get().getConnection();
             PreparedStatement ps = c.prepareStatement(PUBLICATION + " where result_id = ? order by version desc")) {
            ps.setString(1, id);
            List<PublicResult> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            if (out.isEmpty()) {
                throw ProblemException.notFound("no published result " + cn.doublerandom.registry.FieldRules.abbreviate(id));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private PublicResult row(ResultSet rs) throws SQLException {
        String authority = rs.getString("authority");
        List<Handling> handling = Sql.getArray(rs, "handling_codes", Handling::valueOf);
        return new PublicResult(rs.getString("result_id"), rs.getInt("version"), authority, authorities.nameOf(authority),
                rs.getString("region_code"), INSPECTION_TYPE, Sql.getDate(rs, "inspection_date"), rs.getString("wording"),
                rs.getString("wording_text"), items(rs.getString("items")), handling.stream().map(Handling::name).toList(),
                handling.stream().map(Handling::label).collect(java.util.stream.Collectors.joining("、")),
                rs.getString("enterprise_name"), rs.getString("uscc"),
                planName(rs.getString("quarter")), rs.getString("draw_id"), rs.getString("correction_reason"),
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

    /** Public draws of a region subtree, newest first. */
    public Page<PublicDraw> draws(String region, Integer limitParam, String afterParam) {
        int limit = Listing.limit(limitParam == null ? 50 : limitParam);
        String after = Listing.cursor(afterParam);
        if (after != null && !isDrawId(after)) {
            throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
        }
        String prefix = region == null ? "" : regions.subtreePrefix(regions.require("region", region).code());
        List<String> ids = new ArrayList<>();
        try (Connection c = database.get().getConnection(); PreparedStatement ps = c.prepareStatement(
                "select d.id from draw_state d where d.authority like ? and (cast(? as text) is null or d.id < ?) and " + PUBLIC_DRAW
                        + " order by d.id desc limit ?")) {
            ps.setString(1, prefix + "%");
            ps.setString(2, after);
            ps.setString(3, after);
            // one more than asked says whether there is a next page
            ps.setInt(4, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            Page<String> page = Page.of(ids, limit, id -> id);
            List<PublicDraw> out = new ArrayList<>();
            for (String id : page.items()) {
                out.add(draw(c, id, false));
            }
            return new Page<>(out, page.next());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text has a draw id's form (D and nine digits), before any lookup. */
    static boolean isDrawId(String id) {
        return id != null && id.matches("D\\d{9}");
    }

    /** Whether a draw is public (without loading it). */
    public boolean isPublicDraw(String id) {
        if (!isDrawId(id)) {
            return false;
        }
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

    public PublicDraw draw(String id) {
        if (!isDrawId(id)) {
            throw ProblemException.notFound("no public draw " + cn.doublerandom.registry.FieldRules.abbreviate(id));
        }
        try (Connection c = database.get().getConnection()) {
            return draw(c, id, true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The items an enterprise's visit covered, with their methods; null for a draw executed before visits were kept per item. */
    private static List<PublicDraw.VisitItem> visit(String stored, Map<Long, String> itemNames) {
        List<DrawFacts.VisitItem> visit = DrawFacts.visitOf(stored);
        if (visit == null) {
            return null;
        }
        return visit.stream().map(v -> new PublicDraw.VisitItem(v.itemId(), itemNames.get(v.itemId()), v.method(),
                InspectionMethod.valueOf(v.method()).label(), v.unannounced())).toList();
    }

    private PublicDraw draw(Connection c, String id, boolean full) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select d.id, d.authority, d.quarter, d.kind, d.draw_date, d.pool_hash, d.commit, d.nonce, d.snapshot,
                       d.given, d.seed, d.items,
                       exists (select 1 from result_disclosure r where r.draw_id = d.id and r.withheld) as withheld
                from draw_state d where d.id = ?""" + " and " + PUBLIC_DRAW)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("draw " + id + " is not public: it is public once each of its results is "
                            + "published or withheld");
                }
                boolean withheld = rs.getBoolean("withheld");
                List<String> selected = new ArrayList<>();
                List<PublicDraw.Enterprise> enterprises = new ArrayList<>();
                int confidential = 0;
                Map<Long, String> itemNames = new HashMap<>();
                for (Long item : (Long[]) rs.getArray("items").getArray()) {
                    itemNames.put(item, itemList.get(item).data().name());
                }
                try (PreparedStatement t = c.prepareStatement("""
                        select t.uscc, r.id, r.withheld as confidential, t.visit,
                               (select p.enterprise_name from published_result p where p.result_id = r.id
                                order by p.version desc limit 1) as name
                        from draw_selection t join result_disclosure r on r.draw_id = t.draw_id and r.uscc = t.uscc
                        where t.draw_id = ? order by t.position""")) {
                    t.setString(1, id);
                    try (ResultSet trs = t.executeQuery()) {
                        while (trs.next()) {
                            if (trs.getBoolean("confidential")) {
                                confidential++;
                                continue;
                            }
                            selected.add(trs.getString("uscc"));
                            enterprises.add(new PublicDraw.Enterprise(trs.getString("uscc"), trs.getString("name"),
                                    trs.getString("id"), visit(trs.getString("visit"), itemNames)));
                        }
                    }
                }
                List<PublicPackage.StoredRecord> records = null;
                if (full) {
                    records = new ArrayList<>();
                    for (Ledger.Entry e : ledger.ofDraw(id)) {
                        records.add(new PublicPackage.StoredRecord(e.seq(), e.kind(), ledger.hashBefore(e.seq()), e.hash(), e.text()));
                    }
                }
                String authority = rs.getString("authority");
                PublicPackage.Stored stored = new PublicPackage.Stored(id, authority, authorities.nameOf(authority),
                        rs.getString("quarter"), planName(rs.getString("quarter")), rs.getString("kind"),
                        Sql.getDate(rs, "draw_date"), rs.getString("pool_hash"), rs.getString("commit"), rs.getString("nonce"),
                        rs.getString("given"), rs.getString("seed"), full ? rs.getString("snapshot") : null);
                return PublicPackage.of(stored, withheld, records, selected, enterprises, confidential);
            }
        }
    }
}
