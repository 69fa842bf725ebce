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
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.portal.search.NameIndex;
import cn.doublerandom.portal.search.NameSearch;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.region.RegionRange;
import cn.doublerandom.registry.target.Uscc;
import cn.doublerandom.wording.WordingCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the public sees: published results only (publication's view {@code published_result}, which never
 * holds a confidential or unpublished result), and draws whose every result is published or withheld (result's
 * view {@code result_disclosure} says which are withheld). The portal names no table of theirs; its SQL sits in
 * {@link PortalStore}.
 */
@ApplicationScoped
public class PortalService {

    static final String INSPECTION_TYPE = "双随机抽查";
    private static final Pattern CURSOR = Pattern.compile("[1-9]\\d{0,18}");

    @Inject
    PortalStore store;

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

    /** The filters as the store's criteria and as the name index's conditions; {@code name} is a name fragment to search. */
    private record Where(PortalStore.Criteria criteria, NameIndex.Conditions conditions, String name) {
    }

    private Where where(Filter f) {
        String prefix = null;
        RegionRange range = null;
        if (f.region() != null) {
            Region region = regions.require("region", f.region());
            prefix = regions.subtreePrefix(region.code());
            range = RegionRange.ofPrefix(prefix);
        }
        String quarter = null;
        if (f.quarter() != null) {
            quarter = QuarterParameter.parse(f.quarter()).toString();
        }
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw ProblemException.invalid("to", "to (" + f.to() + ") is before from (" + f.from() + ")");
        }
        if (f.wording() != null) {
            if (!wordings.isKnown(f.wording())) {
                throw ProblemException.invalid("wording", "wording must be a wording code: see /public/v1/wordings?region=");
            }
        }
        NameIndex.Conditions conditions = new NameIndex.Conditions(
                prefix == null ? -1 : Integer.parseInt((prefix + "000000").substring(0, 6)),
                prefix == null ? -1 : Integer.parseInt((prefix + "999999").substring(0, 6)),
                quarter == null ? -1 : NameSearch.quarterCode(quarter),
                f.from() == null ? Integer.MIN_VALUE : (int) f.from().toEpochDay(),
                f.to() == null ? Integer.MAX_VALUE : (int) f.to().toEpochDay());
        String name = null;
        String uscc = null;
        String q = Listing.query(f.q());
        if (q != null) {
            String upper = q.toUpperCase(java.util.Locale.ROOT);
            if (Uscc.hasForm(upper)) {
                uscc = upper;
            } else if (q.codePointCount(0, q.length()) < 2) {
                throw ProblemException.invalid("q", "q is a USCC or at least 2 characters of the enterprise name");
            } else {
                name = q;
            }
        }
        return new Where(new PortalStore.Criteria(range, quarter, f.from(), f.to(), f.wording(), uscc), conditions, name);
    }

    public Page<PublicResult> results(Filter f, String after, Integer limitParam) {
        int limit = Listing.limit(limitParam == null ? 20 : limitParam);
        Where w = where(f);
        String cursor = Listing.cursor(after);
        long before = Long.MAX_VALUE;
        if (cursor != null) {
            if (!isCursor(cursor)) {
                throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
            }
            before = Long.parseLong(cursor);
        }
        if (w.name() != null && f.wording() == null) {
            var seqs = names.search(w.name(), w.conditions(), before, limit + 1);
            if (seqs.isPresent()) {
                return page(store.bySeq(seqs.get()), limit);
            }
        }
        return page(store.results(w.criteria(), w.name(), cursor == null ? null : before, limit + 1), limit);
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
        long n = store.count(w.criteria(), w.name(), COUNT_CAP);
        return new Total(Math.min(n, COUNT_CAP), n > COUNT_CAP);
    }

    private static Page<PublicResult> page(List<PublicResult> rows, int limit) {
        return Page.of(rows, limit, r -> Long.toString(r.seq()));
    }

    /** Every published version of one result, newest first; empty when nothing of it is published. */
    public List<PublicResult> result(String id) {
        List<PublicResult> out = store.versions(id);
        if (out.isEmpty()) {
            throw ProblemException.notFound("no published result " + cn.doublerandom.registry.FieldRules.abbreviate(id));
        }
        return out;
    }

    /** Public draws of a region subtree, newest first. */
    public Page<PublicDraw> draws(String region, Integer limitParam, String afterParam) {
        int limit = Listing.limit(limitParam == null ? 50 : limitParam);
        String after = Listing.cursor(afterParam);
        if (after != null && !isDrawId(after)) {
            throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
        }
        String prefix = region == null ? "" : regions.subtreePrefix(regions.require("region", region).code());
        // one more than asked says whether there is a next page
        List<String> ids = store.publicDrawIds(prefix, after, limit + 1);
        Page<String> page = Page.of(ids, limit, id -> id);
        List<PublicDraw> out = new ArrayList<>();
        for (String id : page.items()) {
            out.add(load(id, false));
        }
        return new Page<>(out, page.next());
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
        return store.isPublicDraw(id);
    }

    public PublicDraw draw(String id) {
        if (!isDrawId(id)) {
            throw ProblemException.notFound("no public draw " + cn.doublerandom.registry.FieldRules.abbreviate(id));
        }
        return load(id, true);
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

    private PublicDraw load(String id, boolean full) {
        PortalStore.DrawRow d = store.publicDraw(id).orElseThrow(() -> ProblemException.notFound("draw " + id
                + " is not public: it is public once each of its results is published or withheld"));
        List<String> selected = new ArrayList<>();
        List<PublicDraw.Enterprise> enterprises = new ArrayList<>();
        int confidential = 0;
        Map<Long, String> itemNames = new HashMap<>();
        for (Long item : d.items()) {
            itemNames.put(item, itemList.get(item).data().name());
        }
        for (PortalStore.Selected t : store.selection(id)) {
            if (t.confidential()) {
                confidential++;
                continue;
            }
            selected.add(t.uscc());
            enterprises.add(new PublicDraw.Enterprise(t.uscc(), t.name(), t.resultId(), visit(t.visit(), itemNames)));
        }
        List<PublicPackage.StoredRecord> records = null;
        if (full) {
            records = new ArrayList<>();
            for (Ledger.Entry e : ledger.ofDraw(id)) {
                records.add(new PublicPackage.StoredRecord(e.seq(), e.kind(), ledger.hashBefore(e.seq()), e.hash(), e.text()));
            }
        }
        String authority = d.authority();
        PublicPackage.Stored stored = new PublicPackage.Stored(id, authority, authorities.nameOf(authority),
                d.quarter(), planName(d.quarter()), d.kind(), d.drawDate(), d.poolHash(), d.commit(), d.nonce(),
                d.given(), d.seed(), full ? d.snapshot() : null);
        return PublicPackage.of(stored, d.withheld(), records, selected, enterprises, confidential);
    }
}
