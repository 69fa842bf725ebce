package cn.doublerandom.draw;

import cn.doublerandom.authority.AuthorityDirectory;
import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.calendar.QuarterParameter;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.draw.pool.QuarterQuotas;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.policy.PolicyService;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.target.SupervisionClass;
import cn.doublerandom.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An authority's quarter as its plan asks it (see {@link QuarterPlanView}). The requirement is not
 * derived again when a draw already fixed it: it is the plan the quarter's latest counting undirected draw
 * stored at prepare, so the plan and that draw's Q lines agree; before such a draw it is the registry's
 * as it stands today, by the same {@link PoolBuilder}. Done and remaining follow {@link QuarterQuotas}.
 */
@ApplicationScoped
public class QuarterPlanService {

    private static final List<SupervisionClass> CLASSES = List.of(SupervisionClass.KEY, SupervisionClass.SPECIAL,
            SupervisionClass.GENERAL);

    @Inject
    DrawStore store;

    @Inject
    DrawViews views;

    @Inject
    PoolBuilder pools;

    @Inject
    PolicyService policies;

    @Inject
    ItemService items;

    @Inject
    RegionDirectory regions;

    @Inject
    AuthorityDirectory authorities;

    @Inject
    RegionScope scope;

    @Inject
    ServiceClock clock;

    public QuarterPlanView plan(String authorityCode, String quarterText) {
        Region authority = regions.require("authority", authorityCode);
        scope.requireRead(authority.code());
        Quarter quarter = QuarterParameter.parse(quarterText);
        List<QuarterQuotas.QuarterDraw> draws = store.quarterDraws(authority.code(), quarter);
        Optional<PolicyData> policy = policies.effective(authority.code(), quarter.year()).map(Stored::data);

        // the requirement: as the latest draw that counts fixed it, else as the registry stands today
        QuarterQuotas.QuarterDraw latest = null;
        for (QuarterQuotas.QuarterDraw d : draws) {
            if (d.countsTowardQuota()) {
                latest = d;
            }
        }
        String from;
        LocalDate asOf = null;
        List<DrawPlan.StratumPlan> strata = List.of();
        if (latest != null) {
            DrawStore.DrawRow row = store.load(latest.id(), false);
            from = "DRAW";
            asOf = row.drawDate();
            strata = views.plan(row.plan()).strata();
        } else if (policy.isPresent()) {
            from = "REGISTRY";
            asOf = clock.today();
            strata = pools.build(authority, quarter, asOf, policy.get(), false, new DirectedFilter(null, null, null, null, null), 0, List.of()).plan().strata();
        } else {
            from = "NONE";
        }

        Map<Stratum, Long> done = QuarterQuotas.done(draws);
        List<QuarterPlanView.ClassLine> classes = new ArrayList<>();
        for (SupervisionClass cls : CLASSES) {
            Stratum stratum = Stratum.valueOf(cls.name());
            DrawPlan.StratumPlan s = strata.stream().filter(p -> p.stratum().equals(cls.name())).findFirst().orElse(null);
            long d = done.getOrDefault(stratum, 0L);
            classes.add(new QuarterPlanView.ClassLine(cls.name(), cls.label(), s == null ? null : s.operating(),
                    s == null ? null : s.requirement(), d, s == null ? null : QuarterQuotas.remaining(s.requirement(), d)));
        }

        return new QuarterPlanView(authority.code(), authorities.nameOf(authority.code()), authority.level().name(),
                quarter.toString(), quarter.chinese(), from, latest == null ? null : latest.id(), asOf, classes,
                divisions(authority, draws), joint(draws, policy.orElse(null)));
    }

    /** Every division of the authority's drawable items, and any other that led a draw of the quarter, in name order. */
    private List<QuarterPlanView.DivisionLine> divisions(Region authority, List<QuarterQuotas.QuarterDraw> draws) {
        Map<String, List<QuarterQuotas.QuarterDraw>> byDivision = new TreeMap<>();
        for (Stored<ItemData> item : items.applicable(authority.code(), false)) {
            ItemData d = item.data();
            if (d.responsibleDivision() != null && (d.inspectingLevel() == null || d.inspectingLevel().allows(authority.level()))) {
                byDivision.computeIfAbsent(d.responsibleDivision(), k -> new ArrayList<>());
            }
        }
        draws.forEach(d -> byDivision.computeIfAbsent(d.division(), k -> new ArrayList<>()).add(d));
        List<QuarterPlanView.DivisionLine> out = new ArrayList<>();
        byDivision.forEach((division, own) -> {
            List<QuarterPlanView.DrawLine> lines = new ArrayList<>();
            for (QuarterQuotas.QuarterDraw d : own) {
                lines.add(new QuarterPlanView.DrawLine(d.id(), d.undirected() ? "UNDIRECTED" : "DIRECTED",
                        store.state(d.id()).orElseThrow().status(), d.joint(), d.countsTowardQuota(), byName(d.selected())));
            }
            Map<Stratum, Long> divisionDone = QuarterQuotas.done(own);
            out.add(new QuarterPlanView.DivisionLine(division, own.stream().anyMatch(QuarterQuotas.QuarterDraw::countsTowardQuota),
                    byName(divisionDone), lines));
        });
        return out;
    }

    private static QuarterPlanView.Joint joint(List<QuarterQuotas.QuarterDraw> draws, PolicyData policy) {
        long jointDraws = 0;
        long targets = 0;
        for (QuarterQuotas.QuarterDraw d : draws) {
            if (d.joint() && d.inForce()) {
                jointDraws++;
                targets += d.selectedInAll();
            }
        }
        QuarterQuotas.JointRequirement required = QuarterQuotas.jointRequirement(policy == null ? null : policy.jointRate(),
                policy == null ? null : policy.jointYearlyInspections(), policy == null ? null : policy.jointYearlySubjects());
        return new QuarterPlanView.Joint(jointDraws, targets, required.rate(), required.yearlyInspections(),
                required.yearlySubjects(), required.draws(), required.targets(), required.metBy(jointDraws, targets));
    }

    private static Map<String, Long> byName(Map<Stratum, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Stratum s : Stratum.values()) {
            if (counts.containsKey(s)) {
                out.put(s.name(), counts.get(s));
            }
        }
        return out;
    }
}
