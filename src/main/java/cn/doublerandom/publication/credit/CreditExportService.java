package cn.doublerandom.publication.credit;

import cn.doublerandom.authority.AuthorityDirectory;
import cn.doublerandom.draw.DrawFacts;
import cn.doublerandom.draw.DrawState;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
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
 * last one did not. Its SQL sits in {@link CreditExportStore}.
 */
@ApplicationScoped
public class CreditExportService {

    static final List<String> COLUMNS = List.of("序号", "统一社会信用代码", "企业名称", "检查实施机关", "检查类型", "检查日期",
            "检查结果", "结果编号", "版本", "更正原因");
    private static final Pattern REGION = Pattern.compile("[0-9]{6}");

    @Inject
    CreditExportStore store;

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
        try {
            store.lock("credit-export:" + authority);
            List<CreditExportStore.Pending> pending = store.unexported(authority);
            if (pending.isEmpty()) {
                return null;
            }
            String id = store.nextBatchId();
            Instant now = clock.now();
            store.insert(id, authority, pending, now, caller.signature());
            return batch(id);
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
        try {
            List<CreditExportBatch> out = store.batches(authority, after, limit + 1);
            return Page.keyset(out, limit, CreditExportBatch::id, store.count(authority));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public CreditExportBatch get(String id) {
        try {
            return batch(id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private CreditExportBatch batch(String id) throws SQLException {
        CreditExportBatch head = store.head(id).orElseThrow(() -> ProblemException.notFound("credit export batch " + id));
        scope.requireRead(head.authority());
        String authorityName = authorities.nameOf(head.authority());
        Map<String, String> types = new HashMap<>();
        List<CreditExportBatch.Row> rows = new ArrayList<>();
        for (CreditExportStore.Item i : store.items(id)) {
            String type = types.computeIfAbsent(i.drawId(), d -> draws.find(d).map(DrawState::kind)
                    .map(k -> k.equals("DIRECTED") ? "定向抽查" : "不定向抽查").orElse("双随机抽查"));
            rows.add(new CreditExportBatch.Row(rows.size() + 1, i.uscc(), i.enterpriseName(), authorityName, type,
                    i.inspectionDate(), i.wordingText(), i.resultId(), i.version(), i.correctionReason()));
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
