package cn.doublerandom.wording;

import cn.doublerandom.audit.AuditTrail;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Constraints;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The result wordings (抽查结果用语) as data per region: the national list (seeded by the migration,
 * kept by the service) and what provinces, cities and counties add. A region's vocabulary is the
 * national list plus the wordings of its province, its city and itself; a result's items are checked
 * against the vocabulary of the target's region as at the determination date. Append-only: a wording
 * is retired, never removed, and results keep the wording and text they were recorded with.
 */
@ApplicationScoped
public class WordingCatalog {

    /** The region code of the national vocabulary: no administrator's scope covers it. */
    public static final String NATIONAL = "000000";
    /** 未发现问题: the wording a visit's summary falls back to (see ResultService). */
    public static final String NO_PROBLEM = "NO_PROBLEM";
    static final int TEXT_MAX = 100;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    @Inject
    RegionDirectory regions;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    AuditTrail audit;

    /** Codes seen to exist. Wordings are never removed, so a code once known stays known on every replica. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /** The portal's filter lists, kept a minute (what the page's own max-age allows); emptied by a local write. */
    private final Map<String, Cached> lists = new ConcurrentHashMap<>();
    static final long LIST_TTL_MILLIS = 60_000;

    private record Cached(List<Wording> wordings, long until) {
    }

    public static boolean hasCodeForm(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The regions whose wordings make up {@code region}'s vocabulary, national first, the region itself last. */
    public List<String> chain(String regionCode) {
        List<String> out = new ArrayList<>();
        for (Region r = regions.find(regionCode); r != null; r = regions.find(r.parentCode())) {
            out.add(0, r.code());
        }
        out.add(0, NATIONAL);
        return out;
    }

    /** The vocabulary of a region, retired wordings included (they still name old results): national first. */
    public List<Wording> vocabulary(String regionCode) {
        Region region = regions.require("region", regionCode);
        List<String> chain = chain(region.code());
        return sorted(WordingEntry.ofRegions(chain, null), chain);
    }

    /**
     * Every wording a result published in {@code region}'s subtree can carry: its vocabulary plus the
     * wordings of the regions below it (the portal's filter list for a city and its counties).
     */
    public List<Wording> within(String regionCode) {
        Region region = regions.require("region", regionCode);
        List<String> chain = chain(region.code());
        String prefix = regions.subtreePrefix(region.code());
        return sorted(WordingEntry.ofRegions(chain, prefix), chain);
    }

    /** {@link #within}, cached for the public pages: a wording added on another replica shows within a minute. */
    public List<Wording> withinCached(String regionCode) {
        long now = System.currentTimeMillis();
        Cached c = lists.get(regionCode);
        if (c == null || c.until() < now) {
            c = new Cached(within(regionCode), now + LIST_TTL_MILLIS);
            lists.put(regionCode, c);
        }
        return c.wordings();
    }

    public Optional<Wording> find(String code) {
        if (!hasCodeForm(code)) {
            return Optional.empty();
        }
        return WordingEntry.ofCodes(List.of(code)).stream().map(this::view).findFirst();
    }

    /** Whether the code names a wording (any region, retired or not): the public filter's check. */
    public boolean isKnown(String code) {
        if (!hasCodeForm(code)) {
            return false;
        }
        if (known.contains(code)) {
            return true;
        }
        boolean exists = find(code).isPresent();
        if (exists) {
            known.add(code);
        }
        return exists;
    }

    /** The wordings of the given codes, by code; codes that name none are absent. */
    public Map<String, Wording> load(Collection<String> codes) {
        Map<String, Wording> out = new LinkedHashMap<>();
        for (WordingEntry.WithRetirement w : WordingEntry.ofCodes(codes)) {
            out.put(w.wording().code, view(w));
        }
        return out;
    }

    /**
     * Why {@code w} may not be used for a result of a target in {@code region} determined on
     * {@code date}, or null when it may.
     */
    public String unusable(Wording w, String region, LocalDate date) {
        if (!chain(region).contains(w.regionCode())) {
            return w.code() + " (" + w.text() + ") is a wording of region " + w.regionCode()
                    + (w.regionName() == null ? "" : " " + w.regionName()) + ", not in the vocabulary of " + region
                    + " (national, its province's, its city's and its own)";
        }
        if (date.isBefore(w.validFrom())) {
            return w.code() + " applies to results determined from " + w.validFrom() + "; this one was determined " + date;
        }
        if (w.retiredFrom() != null && !date.isBefore(w.retiredFrom())) {
            return w.code() + " was retired from " + w.retiredFrom() + " (" + w.retirementReason() + "); this result was determined "
                    + date;
        }
        return null;
    }

    @Transactional
    public Wording add(WordingInput in) {
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        FieldRules f = new FieldRules();
        String code = in.code() == null ? null : in.code().strip();
        if (code == null || code.isEmpty()) {
            f.fail("code", null, "is required: A-Z first, then A-Z, 0-9 or _, 2-40 characters, e.g. HB_DUST_UNRESOLVED");
        } else if (!hasCodeForm(code)) {
            f.fail("code", FieldRules.abbreviate(code), "must be A-Z first, then A-Z, 0-9 or _, 2-40 characters, e.g. HB_DUST_UNRESOLVED");
        }
        String regionCode = in.regionCode() == null ? null : in.regionCode().strip();
        if (regionCode == null || regionCode.isEmpty()) {
            f.fail("regionCode", null, "is required: the province, city or county whose vocabulary it joins");
        } else if (!RegionDirectory.hasCodeForm(regionCode)) {
            f.fail("regionCode", FieldRules.abbreviate(regionCode), "must be a 6-digit region code (GB/T 2260)");
        }
        String text = f.text("text", in.text(), TEXT_MAX, true);
        LocalDate validFrom = f.date("validFrom", in.validFrom());
        String reason = f.text("reason", in.reason(), 500, false);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the wording is not valid; nothing was recorded", f.problems());
        }
        Region region = regions.require("regionCode", regionCode);
        scope.requireAdminister(region.code());
        LocalDate from = validFrom == null ? clock.today() : validFrom;
        WordingEntry.lockAdditions();
        Wording existing = load(List.of(code)).get(code);
        if (existing != null) {
            throw new ProblemException(ProblemType.CONFLICT, "wording code " + code + " exists already (" + existing.text()
                    + ", region " + existing.regionCode() + "); codes are unique service-wide and never reused",
                    List.of(cn.doublerandom.platform.problem.Problem.FieldProblem.field("code", code, "exists already")));
        }
        // the same text twice in one vocabulary would publish two codes for one phrase
        for (WordingEntry.WithRetirement clash : WordingEntry.withText(text, chain(region.code()), regions.subtreePrefix(region.code()))) {
            Wording w = view(clash);
            if (w.retiredFrom() == null || w.retiredFrom().isAfter(from)) {
                throw new ProblemException(ProblemType.CONFLICT, "the text " + text + " is already wording " + w.code()
                        + " of region " + w.regionCode() + ", which applies where this one would",
                        List.of(cn.doublerandom.platform.problem.Problem.FieldProblem.field("text", text, "duplicates " + w.code())));
            }
        }
        WordingEntry added = WordingEntry.add(code, region.code(), text, from, reason, clock.now(), caller.signature());
        audit.record("CREATE", "WORDING", code, region.code(), text + " from " + from + (reason == null ? "" : "; " + reason));
        known.add(code);
        lists.clear();
        return view(added, null);
    }

    @Transactional
    public Wording retire(String code, RetirementInput in) {
        Wording w = find(code).orElseThrow(() -> ProblemException.notFound("no wording " + FieldRules.abbreviate(code)));
        if (w.national()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the national wordings (" + code + ") are kept by the service "
                    + "and change with a release, not by a region's administrator");
        }
        scope.requireAdminister(w.regionCode());
        FieldRules f = new FieldRules();
        String reason = f.text("reason", in == null ? null : in.reason(), 500, true);
        LocalDate retiredFrom = f.date("retiredFrom", in == null ? null : in.retiredFrom());
        LocalDate from = retiredFrom == null ? clock.today() : retiredFrom;
        if (from.isBefore(w.validFrom())) {
            f.fail("retiredFrom", from.toString(), "is before the wording's validFrom " + w.validFrom());
        }
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "retiring a wording needs a reason and a date not "
                    + "before it applied; nothing was recorded", f.problems());
        }
        if (w.retiredFrom() != null) {
            throw new ProblemException(ProblemType.CONFLICT, "wording " + w.code() + " is already retired");
        }
        WordingRetirement retirement;
        try {
            retirement = WordingRetirement.retire(w.code(), from, reason, clock.now(), caller.signature());
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new ProblemException(ProblemType.CONFLICT, "wording " + w.code() + " is already retired");
            }
            throw e;
        }
        audit.record("RETIRE", "WORDING", w.code(), w.regionCode(), "from " + from + "; " + reason);
        lists.clear();
        return view(WordingEntry.findById(w.code()), retirement);
    }

    /**
     * In vocabulary order: the chain's regions first (national, province, city, the region), then the
     * regions below by code; within a region, in listing order.
     */
    private List<Wording> sorted(List<WordingEntry.WithRetirement> rows, List<String> chain) {
        return rows.stream().sorted(Comparator.comparingInt((WordingEntry.WithRetirement w) -> {
                    int i = chain.indexOf(w.wording().regionCode);
                    return i < 0 ? Integer.MAX_VALUE : i;
                }).thenComparing(w -> w.wording().regionCode).thenComparing(w -> w.wording().seq))
                .map(this::view).toList();
    }

    private Wording view(WordingEntry.WithRetirement w) {
        return view(w.wording(), w.retirement());
    }

    private Wording view(WordingEntry w, WordingRetirement r) {
        Region region = regions.find(w.regionCode);
        return new Wording(w.code, w.regionCode, NATIONAL.equals(w.regionCode) ? "全国" : region == null ? null : region.name(),
                w.text, w.validFrom, r == null ? null : r.retiredFrom, r == null ? null : r.reason, w.reason, w.recordedAt,
                w.recordedBy, r == null ? null : r.recordedAt, r == null ? null : r.recordedBy);
    }
}
