package cn.doublerandom.publication.credit;

import cn.doublerandom.authority.AuthorityDirectory;
import cn.doublerandom.draw.DrawFacts;
import cn.doublerandom.draw.DrawState;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Batches of published results for the national enterprise credit publicity system (国家企业信用信息公示
 * 系统). A run takes every published version of the authority's results that no batch carries yet;
 * runs of one authority queue on a lock and the item table's key refuses a version twice, so two runs,
 * or two replicas running at once, never send a result twice and the next run carries whatever the
 * last one did not.
 */
@ApplicationScoped
public class CreditExportService {

    static final List<String> COLUMNS = List.of("序号", "统一社会信用代码", "企业名称", "检查实施机关", "检查类型", "检查日期",
            "检查结果", "结果编号", "版本", "更正原因");
    private static final Pattern REGION = Pattern.compile("[0-9]{6}");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuthorityDirectory authorities;

    @Inject
    DrawFacts draws;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    /** A new batch of whatever is published and not yet exported, or null when there is nothing. */
    @Transactional
    public CreditExportBatch run(String authority) {
        if (authority == null || !REGION.matcher(authority).matches()) {
            throw ProblemException.invalid("authority", "authority is the six-digit region code of the bureau, e.g. 130123");
        }
        scope.requireRegistryWrite(authority);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, "credit-export:" + authority);
                ps.execute();
            }
            List<String[]> pending = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select p.result_id, p.version from publication p
                     where p.authority = ?
                       and not exists (select 1 from credit_export_item i where i.result_id = p.result_id and i.version = p.version)
                     order by p.published_at, p.result_id, p.version""")) {
                ps.setString(1, authority);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pending.add(new String[] {rs.getString(1), String.valueOf(rs.getInt(2))});
                    }
                }
            }
            if (pending.isEmpty()) {
                return null;
            }
            String id;
            try (PreparedStatement ps = c.prepareStatement("select nextval('credit_export_batch_seq')");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = "X" + String.format("%09d", rs.getLong(1));
            }
            Instant now = clock.now();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into credit_export_batch (id, authority, result_count, created_at, created_by) values (?, ?, ?, ?, ?)""")) {
                ps.setString(1, id);
                ps.setString(2, authority);
                ps.setInt(3, pending.size());
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setString(5, caller.signature());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into credit_export_item (result_id, version, batch_id) values (?, ?, ?)")) {
                for (String[] p : pending) {
                    ps.setString(1, p[0]);
                    ps.setInt(2, Integer.parseInt(p[1]));
                    ps.setString(3, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return batch(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern BATCH_ID = Pattern.compile("X\\d{9}");

    /** The authority's batches, newest first, a page at a time: read from the table after the cursor's batch. */
    public Page<CreditExportBatch> batches(String authority, Integer limitParam, String afterParam) {
        if (authority == null || !REGION.matcher(authority).matches()) {
            throw ProblemException.invalid("authority", "authority is the six-digit region code of the bureau, e.g. 130123");
        }
        scope.requireRead(authority);
        int limit = Listing.limit(limitParam);
        String after = Page.afterKey(afterParam, BATCH_ID);
        List<CreditExportBatch> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select * from credit_export_batch where authority = ? and (cast(? as text) is null or id < ?)
                     order by id desc limit ?""")) {
            ps.setString(1, authority);
            ps.setString(2, after);
            ps.setString(3, after);
            ps.setInt(4, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CreditExportBatch(rs.getString("id"), rs.getString("authority"), rs.getInt("result_count"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), null));
                }
            }
            // an authority's batches are a few a month: counting them is an index scan of its own rows
            int total = Sql.strings(c, "select count(*)::text from credit_export_batch where authority = ?", authority).stream()
                    .mapToInt(Integer::parseInt).findFirst().orElse(0);
            return Page.keyset(out, limit, CreditExportBatch::id, total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public CreditExportBatch get(String id) {
        try (Connection c = dataSource.getConnection()) {
            return batch(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private CreditExportBatch batch(Connection c, String id) throws SQLException {
        CreditExportBatch head = null;
        try (PreparedStatement ps = c.prepareStatement("select * from credit_export_batch where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    head = new CreditExportBatch(rs.getString("id"), rs.getString("authority"), rs.getInt("result_count"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), null);
                }
            }
        }
        if (head == null) {
            throw ProblemException.notFound("credit export batch " + id);
        }
        scope.requireRead(head.authority());
        String authorityName = authorities.nameOf(head.authority());
        Map<String, String> types = new HashMap<>();
        List<CreditExportBatch.Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select p.* from credit_export_item i
                  join publication p on p.result_id = i.result_id and p.version = i.version
                 where i.batch_id = ? order by p.published_at, p.result_id, p.version""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = types.computeIfAbsent(rs.getString("draw_id"), d -> draws.find(d).map(DrawState::kind)
                            .map(k -> k.equals("DIRECTED") ? "定向抽查" : "不定向抽查").orElse("双随机抽查"));
                    rows.add(new CreditExportBatch.Row(rows.size() + 1, rs.getString("uscc"), rs.getString("enterprise_name"),
                            authorityName, type, Sql.getDate(rs, "inspection_date"), rs.getString("wording_text"),
                            rs.getString("result_id"), rs.getInt("version"), rs.getString("correction_reason")));
                }
            }
        }
        return new CreditExportBatch(head.id(), head.authority(), head.resultCount(), head.createdAt(), head.createdBy(), rows);
    }

    /** The rows as the national system's import table reads them. */
    static List<List<String>> table(CreditExportBatch batch) {
        List<List<String>> out = new ArrayList<>();
        for (CreditExportBatch.Row r : batch.rows()) {
            out.add(List.of(String.valueOf(r.serial()), r.uscc(), r.enterpriseName(), r.inspectingAuthority(), r.inspectionType(),
                    r.inspectionDate().toString(), r.wordingText(), r.resultId(), String.valueOf(r.version()),
                    r.correctionReason() == null ? "" : r.correctionReason()));
        }
        return out;
    }
}
