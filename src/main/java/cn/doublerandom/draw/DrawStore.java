package cn.doublerandom.draw;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.engine.LedgerRecord;
import cn.doublerandom.draw.engine.PackedIds;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.draw.pool.QuarterQuotas;
import cn.doublerandom.draw.pool.TargetNote;
import cn.doublerandom.platform.database.CopyRow;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.region.RegionRange;
import cn.doublerandom.registry.FieldRules;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one class that reads and writes the draw's tables ({@code draw}, {@code draw_execution},
 * {@code draw_failure}, {@code draw_void}, {@code undirected_slot}, {@code draw_target},
 * {@code draw_substitution}) and the views it publishes to other capabilities ({@code draw_state},
 * {@code draw_selection}): by JDBC and COPY, and for the fact rows written one at a time (a failure, a
 * void, a substitution) through their insert-only entities ({@link DrawFailure}, {@link DrawVoid},
 * {@link DrawSubstitution}). Writes happen only through {@link DrawJournal}; reads serve the draw's own
 * services and {@link DrawFacts}.
 *
 * <p>Every method runs on the connection of the caller's transaction when there is one (Agroal hands
 * the enlisted connection back), so the advisory locks taken here hold until that transaction ends.
 */
@ApplicationScoped
class DrawStore {

    /** A draw id as the service issues them. */
    static final String ID_PATTERN = "D\\d{9}";

    @Inject
    AgroalDataSource dataSource;

    // --- locks and counters ------------------------------------------------------------------------

    /** Serialises writers of one key (an authority's quarter, a draw) across replicas until the transaction ends. */
    void lock(String key) {
        Sql.lockForTransaction(dataSource, key);
    }

    String nextId() {
        return "D" + String.format("%09d", scalar("select nextval('draw_seq')"));
    }

    /** A prepared draw of this authority, quarter and kind that is neither executed, failed nor voided. */
    record OpenPrepared(String id, LedgerRecord.DrawType kind, String division) {
    }

    /** The first prepared draw of this authority, quarter and kind that is neither executed, failed nor voided. */
    Optional<OpenPrepared> openPrepared(String authority, Quarter quarter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select s.id, s.kind, d.division from draw_state s join draw d on d.id = s.id
                where s.authority = ? and s.quarter = ? and s.status = 'PREPARED' order by s.id limit 1""")) {
            ps.setString(1, authority);
            ps.setString(2, quarter.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new OpenPrepared(rs.getString(1), LedgerRecord.DrawType.valueOf(rs.getString(2)),
                        rs.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this division (责任处室; empty for items without one) executed its undirected draw of the quarter. */
    boolean undirectedSlotTaken(String authority, Quarter quarter, String division) {
        return scalar("select count(*) from undirected_slot where authority = ? and quarter = ? and division = ?", authority,
                quarter.toString(), division) > 0;
    }

    boolean seedUsed(String given) {
        return scalar("select count(*) from draw_execution where given = ?", given) > 0;
    }

    boolean replaced(String drawId) {
        return scalar("select count(*) from draw where replaces = ?", drawId) > 0;
    }

    // --- writes (DrawJournal only) -----------------------------------------------------------------

    void insertDraw(DrawEvent.Prepared p) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into draw (id, authority, quarter, kind, filter, items, draw_date, pool_hash, snapshot, nonce, commit,
                                  replaces, plan, prepared_at, prepared_by, division, joint, non_site, open_lead,
                                  method_approval)
                values (?, ?, ?, ?, ?, ?, ?, ?, convert_from(?, 'UTF8'), ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, p.drawId());
            ps.setString(2, p.authority());
            ps.setString(3, p.quarter());
            ps.setString(4, p.kind().name());
            ps.setString(5, p.filter());
            ps.setArray(6, c.createArrayOf("bigint", p.items().toArray()));
            Sql.setDate(ps, 7, p.drawDate());
            ps.setString(8, p.poolHash());
            // sent as the bytes it is made of, not re-encoded from a string of tens of MB
            ps.setBytes(9, p.snapshot());
            ps.setString(10, p.nonce());
            ps.setString(11, p.commit());
            ps.setString(12, p.replaces());
            ps.setString(13, p.planJson());
            ps.setTimestamp(14, Timestamp.from(p.at()));
            ps.setString(15, p.by());
            ps.setString(16, p.division());
            ps.setBoolean(17, p.joint());
            ps.setString(18, String.join("\n", p.nonSite()));
            ps.setString(19, String.join("\n", p.openLeads()));
            ps.setString(20, p.approvals().text());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code result} is the outcome's {@link cn.doublerandom.draw.engine.DrawOutcome.Success#resultText() text}. */
    void insertExecution(DrawEvent.Executed x, String result) {
        try (Connection c = dataSource.getConnection()) {
            if (x.kind() == LedgerRecord.DrawType.UNDIRECTED) {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into undirected_slot (authority, quarter, division, replaces, draw_id)"
                                + " select ?, ?, division, ?, ? from draw where id = ?")) {
                    ps.setString(1, x.authority());
                    ps.setString(2, x.quarter());
                    ps.setString(3, x.replaces() == null ? "-" : x.replaces());
                    ps.setString(4, x.drawId());
                    ps.setString(5, x.drawId());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into draw_execution (draw_id, given, generated, seed, result, executed_at, executed_by)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, x.drawId());
                ps.setString(2, x.given());
                ps.setBoolean(3, x.given().isEmpty());
                ps.setString(4, x.seed().value());
                ps.setString(5, result);
                ps.setTimestamp(6, Timestamp.from(x.at()));
                ps.setString(7, x.by());
                ps.executeUpdate();
            }
            writeSelection(c, x);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The selection by COPY, written in USCC order with each row's position in ticket order: the key
     * (draw, USCC) then grows page by page instead of at scattered places.
     */
    private static void writeSelection(Connection c, DrawEvent.Executed x) throws SQLException {
        List<DrawEvent.Selected> rows = x.selection();
        // the USCCs sorted as strings (a direct compareTo) and their rows found by USCC: an index sort calls its
        // comparator through an interface at every step, several times the cost for a province's selection
        String[] usccs = new String[rows.size()];
        Map<String, DrawEvent.Selected> byUscc = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < usccs.length; i++) {
            DrawEvent.Selected s = rows.get(i);
            usccs[i] = s.uscc();
            byUscc.put(s.uscc(), s);
        }
        Arrays.sort(usccs);
        StringBuilder csv = new StringBuilder(rows.size() * 200);
        for (String uscc : usccs) {
            DrawEvent.Selected s = byUscc.get(uscc);
            Sql.csvField(csv, x.drawId());
            Sql.csvField(csv, s.uscc());
            Sql.csvField(csv, s.stratum());
            Sql.csvField(csv, s.position());
            Sql.csvField(csv, s.rank());
            Sql.csvField(csv, s.ticket());
            Sql.csvField(csv, Sql.arrayLiteral(s.team()));
            Sql.csvField(csv, s.relaxed());
            Sql.csvField(csv, s.method());
            Sql.csvField(csv, VisitPlan.encode(s.visit()));
            csv.append('\n');
        }
        if (!csv.isEmpty()) {
            Sql.copy(c, "copy draw_target (draw_id, uscc, stratum, position, rank, ticket, team, relaxed, method, visit)"
                    + " from stdin (format csv)",
                    csv);
        }
    }

    // one row each, written a row at a time: the draw's own fact entities (the selection above stays a COPY)
    void insertFailure(DrawEvent.Failed f) {
        DrawFailure.of(f).persistAndFlush();
    }

    void insertVoid(DrawEvent.Voided v) {
        DrawVoid.of(v).persistAndFlush();
    }

    void insertSubstitution(DrawEvent.Substituted s) {
        DrawSubstitution.of(s).persistAndFlush();
    }

    // --- reads -------------------------------------------------------------------------------------

    /** Everything a draw has, as stored. */
    record DrawRow(String id, String authority, String quarter, String kind, String filter, Long[] items,
                   LocalDate drawDate, String poolHash, String snapshot, String nonce, String commit, String replaces,
                   String plan, String given, String seed, String result, String division, boolean joint) {
    }

    /** The stored draw; the snapshot text (tens of MB for a province) only when asked for. A 404 problem if there is none. */
    DrawRow load(String id, boolean withSnapshot) {
        if (id == null || !id.matches(ID_PATTERN)) {
            throw ProblemException.notFound("no draw " + FieldRules.abbreviate(id));
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select d.id, d.authority, d.quarter, d.kind, d.filter, d.items, d.draw_date, d.pool_hash, d.nonce, d.commit,
                       d.replaces, d.plan, case when ? then d.snapshot end as snapshot, e.given, e.seed, e.result, d.division,
                       d.joint
                from draw d left join draw_execution e on e.draw_id = d.id where d.id = ?""")) {
            ps.setBoolean(1, withSnapshot);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("no draw " + id);
                }
                return new DrawRow(rs.getString("id"), rs.getString("authority"), rs.getString("quarter"), rs.getString("kind"),
                        rs.getString("filter"), (Long[]) rs.getArray("items").getArray(), Sql.getDate(rs, "draw_date"),
                        rs.getString("pool_hash"), rs.getString("snapshot"), rs.getString("nonce"), rs.getString("commit"),
                        rs.getString("replaces"), rs.getString("plan"), rs.getString("given"), rs.getString("seed"),
                        rs.getString("result"), rs.getString("division"), rs.getBoolean("joint"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The pooled targets that qualified for a non-site check as the registry stood at prepare; empty when the
     * draw was prepared before this was kept.
     */
    Optional<PackedIds> nonSite(String id) {
        return targetsKept(id, "non_site");
    }

    /**
     * The pooled targets with a lead open on the draw date as the registry stood at prepare; empty when the draw
     * was prepared before this was kept.
     */
    Optional<PackedIds> openLeads(String id) {
        return targetsKept(id, "open_lead");
    }

    /**
     * The approvals of other methods valid on the draw date as the registry stood at prepare; none when the draw
     * was prepared before they were kept.
     */
    ApprovedMethods approvals(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select method_approval from draw where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return ApprovedMethods.parse(rs.next() ? rs.getString(1) : null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<PackedIds> targetsKept(String id, String column) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + column + " from draw where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                String text = rs.next() ? rs.getString(1) : null;
                if (text == null) {
                    return Optional.empty();
                }
                PackedIds.Appender out = PackedIds.appender();
                if (!text.isEmpty()) {
                    for (String uscc : text.split("\n")) {
                        out.add(uscc);
                    }
                }
                return Optional.of(out.sortedUnique());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A draw's state as {@code draw_state} derives it; empty when there is no such draw. */
    Optional<DrawState> state(String id) {
        if (id == null || !id.matches(ID_PATTERN)) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select d.id, d.authority, d.quarter, d.kind, d.items, d.draw_date, d.status, d.prepared_at, d.prepared_by,
                       d.given, d.generated, d.seed, d.executed_at, d.failure, d.void_reason, d.voided_at,
                       (select r.id from draw r where r.replaces = d.id) as replaced_by
                from draw_state d where d.id = ?""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp executed = rs.getTimestamp("executed_at");
                Timestamp voided = rs.getTimestamp("voided_at");
                return Optional.of(new DrawState(rs.getString("id"), rs.getString("authority"), rs.getString("quarter"),
                        rs.getString("kind"), List.of((Long[]) rs.getArray("items").getArray()), Sql.getDate(rs, "draw_date"),
                        DrawStatus.valueOf(rs.getString("status")), rs.getTimestamp("prepared_at").toInstant(),
                        rs.getString("prepared_by"), rs.getString("given"),
                        executed == null ? null : rs.getBoolean("generated"), rs.getString("seed"),
                        executed == null ? null : executed.toInstant(), rs.getString("failure"), rs.getString("void_reason"),
                        voided == null ? null : voided.toInstant(), rs.getString("replaced_by")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Draw ids of a region subtree (a LIKE prefix from RegionDirectory), optionally of one quarter, in id order. */
    /** Up to {@code count} draw ids of the region (and quarter) after {@code after}, in id order. */
    List<String> ids(String regionPrefix, String quarter, String after, int count) {
        try (Connection c = dataSource.getConnection()) {
            return Sql.strings(c, """
                    select id from draw where authority like ? and (cast(? as text) is null or quarter = ?)
                      and (cast(? as text) is null or id > ?) order by id limit ?""",
                    regionPrefix + "%", quarter, quarter, after, after, count);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many draws the region (and quarter) has: a region draws a few times a quarter. */
    int count(String regionPrefix, String quarter) {
        return scalar("select count(*) from draw where authority like ? and (cast(? as text) is null or quarter = ?)",
                regionPrefix + "%", quarter, quarter).intValue();
    }

    /** A selected target as stored, with its team in force; {@code visit} null when executed before visits were planned per item. */
    record SelectionRow(int position, String uscc, String stratum, int rank, String ticket, List<String> team,
                        List<String> drawnTeam, boolean relaxed, String method, List<VisitPlan.ItemMethod> visit) {
    }

    /** The selection of a draw in ticket order, with the team in force. */
    List<SelectionRow> selection(String drawId) {
        return selection(drawId, null);
    }

    /** One selected target of a draw, or empty when the draw did not select it. */
    Optional<SelectionRow> selected(String drawId, String uscc) {
        List<SelectionRow> rows = selection(drawId, uscc == null ? "" : uscc);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<SelectionRow> selection(String drawId, String uscc) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select t.position, t.uscc, t.stratum, t.rank, t.ticket, t.team, t.drawn_team, t.relaxed, t.method, t.visit
                from draw_selection t where t.draw_id = ? and (cast(? as text) is null or t.uscc = ?) order by t.position""")) {
            ps.setString(1, drawId);
            ps.setString(2, uscc);
            ps.setString(3, uscc);
            List<SelectionRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SelectionRow(rs.getInt("position"), rs.getString("uscc"), rs.getString("stratum"),
                            rs.getInt("rank"), rs.getString("ticket"),
                            List.of((String[]) rs.getArray("team").getArray()),
                            List.of((String[]) rs.getArray("drawn_team").getArray()), rs.getBoolean("relaxed"),
                            rs.getString("method"), VisitPlan.decode(rs.getString("visit"))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The members a target's substitutions have already replaced: they are not offered again. */
    Set<String> replacedMembers(String drawId, String uscc) {
        return new HashSet<>(DrawSubstitution.replacedOf(drawId, uscc));
    }

    /**
     * Each draw whose served facts disagree with its ledger records: status (executed, failed, voided)
     * against the execute, fail and void records, the number of selected rows against the execute
     * record's target lines, and the substitutions against the substitute records. At most {@code limit}.
     */
    List<String> factsAgainstLedger(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                with facts as (
                  select d.id, d.executed, d.failed, d.voided,
                         (select count(*) from draw_target t where t.draw_id = d.id) as selected,
                         (select count(*) from draw_substitution s where s.draw_id = d.id) as substitutions,
                         (select count(*) from ledger l where l.draw_id = d.id and l.kind = 'prepare') as prepare_records,
                         (select count(*) from ledger l where l.draw_id = d.id and l.kind = 'execute') as execute_records,
                         (select count(*) from ledger l where l.draw_id = d.id and l.kind = 'fail') as fail_records,
                         (select count(*) from ledger l where l.draw_id = d.id and l.kind = 'void') as void_records,
                         (select count(*) from ledger l where l.draw_id = d.id and l.kind = 'substitute') as substitute_records,
                         coalesce((select (length(l.text) - length(replace(l.text, E'\ntarget ', ''))) / 8 from ledger l
                                   where l.draw_id = d.id and l.kind = 'execute'), 0) as target_lines
                  from draw_state d)
                select id, executed, failed, voided, selected, substitutions, prepare_records, execute_records, fail_records,
                       void_records, substitute_records, target_lines
                from facts
                where prepare_records <> 1 or executed <> (execute_records = 1) or failed <> (fail_records = 1)
                   or voided <> (void_records = 1) or selected <> target_lines or substitutions <> substitute_records
                order by id limit ?""")) {
            ps.setInt(1, limit);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(String.format("draw %s: served executed=%s failed=%s voided=%s, %d selected, %d substitutions;"
                                    + " ledger %d prepare, %d execute, %d fail, %d void, %d substitute records, %d target lines",
                            rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- what a pool needs of earlier draws ----------------------------------------------------------

    /**
     * "The draw {@code alias} is voided", for the store's own queries over many draws, which read the
     * tables the view {@code draw_state} derives its {@code voided} from (the prepare path's plans stay
     * on draw's keys); written here once.
     */
    private static String voided(String alias) {
        return "exists (select 1 from draw_void v where v.draw_id = " + alias + ".id)";
    }

    /** GENERAL selections of this authority's executed, unvoided undirected draws in earlier quarters of the year. */
    long generalSelectedEarlier(String authority, Quarter quarter) {
        return scalar("""
                select count(*) from draw_target t join draw d on d.id = t.draw_id
                where d.authority = ? and d.kind = 'UNDIRECTED' and t.stratum = 'GENERAL'
                  and d.quarter like ? and d.quarter < ?
                  and not %s""".formatted(voided("d")),
                authority, quarter.year() + "Q%", quarter.toString());
    }

    /**
     * The authority's own draws of the quarter, in id order, with where each stands and what it selected
     * per stratum: what {@link QuarterQuotas} decides the quarter's quotas on.
     */
    List<QuarterQuotas.QuarterDraw> quarterDraws(String authority, Quarter quarter) {
        List<QuarterQuotas.QuarterDraw> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select d.id, d.kind, d.division, d.joint,
                       exists (select 1 from draw_execution e where e.draw_id = d.id),
                       %s,
                       t.stratum, count(t.uscc)
                from draw d left join draw_target t on t.draw_id = d.id
                where d.authority = ? and d.quarter = ?
                group by d.id, t.stratum order by d.id, t.stratum""".formatted(voided("d")))) {
            ps.setString(1, authority);
            ps.setString(2, quarter.toString());
            try (ResultSet rs = ps.executeQuery()) {
                Map<QuarterDrawRow, Map<Stratum, Long>> byDraw = new LinkedHashMap<>();
                while (rs.next()) {
                    Map<Stratum, Long> selected = byDraw.computeIfAbsent(new QuarterDrawRow(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6)), k -> new EnumMap<>(Stratum.class));
                    if (rs.getString(7) != null) {
                        selected.put(Stratum.valueOf(rs.getString(7)), rs.getLong(8));
                    }
                }
                byDraw.forEach((d, selected) -> out.add(new QuarterQuotas.QuarterDraw(d.id(), "UNDIRECTED".equals(d.kind()),
                        d.executed(), d.voided(), d.division(), d.joint(), selected)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private record QuarterDrawRow(String id, String kind, String division, boolean joint, boolean executed, boolean voided) {
    }

    /** The note of the target whose USCC is the UTF-8 bytes {@code bytes[from, from + length)}. */
    @FunctionalInterface
    interface NoteOf {
        TargetNote of(byte[] bytes, int from, int length);
    }

    /**
     * The selections of draw {@code d}, read through draw_target's key draw by draw. Left to itself,
     * and without fresh statistics (autovacuum may lag or be off), the planner joins the whole
     * selection history by hash, and the history only grows: read that way it costs several times what
     * the draws' own rows cost. {@code offset 0} keeps the subquery from being flattened into such a join.
     */
    private static final String SELECTIONS_OF_D = "select t.uscc, t.team, t.draw_id from draw_target t where t.draw_id = d.id offset 0";

    /** As {@link #SELECTIONS_OF_D}, each with its current team, read where the rule of that team is written: draw_selection. */
    private static final String CURRENT_TEAMS_OF_D = "select t.uscc, t.team, t.draw_id from draw_selection t where t.draw_id = d.id offset 0";

    /**
     * Reads the selections of the draws that can hold the targets of the region subtree {@code range}:
     * its own subtree's and those of the regions {@code above} it (a county's draw reads its county,
     * city and province draws, not the whole province's). Executed, unvoided draws only. Each selection
     * this year is noted on its target ({@link TargetNote#selected}), and whether it was made this
     * quarter; last teams (after substitutions) come from earlier quarters' draws, since a target drawn
     * this quarter is out of the pool anyway. Rows are counted here, not grouped by PostgreSQL: a
     * province's selections stream faster than grouping them, and each is handed over as bytes so a
     * note kept by the target's place in memory needs no string.
     */
    void drawnBefore(RegionRange range, List<String> above, Quarter quarter, NoteOf noteOf) {
        // by COPY (decoded at a fraction of a result set's cost); COPY takes no parameters, so the values
        // are quoted as literals
        String relevant = "(d.authority >= " + Sql.literal(range.from()) + " and d.authority < " + Sql.literal(range.to())
                + " or d.authority = any(array[" + String.join(",", above.stream().map(Sql::literal).toList()) + "]::text[]))"
                + " and not " + voided("d");
        String thisQuarter = Sql.literal(quarter.toString());
        try (Connection c = dataSource.getConnection()) {
            CopyRow selection = new CopyRow(2);
            Sql.copyOut(c, """
                    copy (select t.uscc, d.quarter = %s from draw d cross join lateral (%s) t
                    where %s and d.quarter like %s) to stdout""".formatted(thisQuarter, SELECTIONS_OF_D, relevant,
                    Sql.literal(quarter.year() + "Q%")), bytes -> {
                selection.of(bytes);
                noteOf.of(selection.row(), selection.start(0), selection.length(0)).selected(selection.bool(1));
            });
            CopyRow teams = new CopyRow(2);
            Sql.copyOut(c, """
                    copy (select distinct on (t.uscc) t.uscc, t.team::text from draw d
                    join draw_execution e on e.draw_id = d.id cross join lateral (%s) t
                    where %s and d.quarter <> %s order by t.uscc, e.executed_at desc) to stdout""".formatted(
                    CURRENT_TEAMS_OF_D, relevant, thisQuarter),
                    bytes -> {
                        teams.of(bytes);
                        noteOf.of(teams.row(), teams.start(0), teams.length(0)).lastTeam(Sql.arrayElements(teams.text(1)));
                    });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Long scalar(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
