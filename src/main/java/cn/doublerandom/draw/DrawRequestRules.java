package cn.doublerandom.draw;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.pool.PoolPlan;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.policy.PolicyService;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.target.ObjectKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What a prepare request must satisfy before any pool is read: a directed draw's filter and count, the draw's items, a policy. */
@ApplicationScoped
class DrawRequestRules {

    @Inject
    ItemService items;

    @Inject
    RegionDirectory regions;

    @Inject
    PolicyService policies;

    /** The quota policy in force for the authority's quarter (its own, or the nearest region above's). */
    PolicyData policy(Region authority, Quarter quarter) {
        return policies.effective(authority.code(), quarter.year()).map(Stored::data)
                .orElseThrow(() -> new ProblemException(ProblemType.NO_POLICY, "no quota policy of " + authority.code()
                        + " or the regions above it covers " + quarter.year() + "; an administrator sets one at /api/v1/policies"));
    }

    void checkDirected(boolean directed, DirectedFilter filter, Integer count) {
        if (directed) {
            if (count == null || count < 1 || count > 100_000) {
                throw ProblemException.invalid("count", "a directed draw needs a count from 1 to 100000");
            }
            if (filter.isEmpty()) {
                throw ProblemException.invalid("filter", "a directed draw needs at least one tag in filter");
            }
            FieldRules f = new FieldRules();
            f.text("filter.industry", filter.industry(), 100, false);
            f.text("filter.township", filter.township(), 100, false);
            f.text("filter.pollutantType", filter.pollutantType(), 50, false);
            if (!f.ok()) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "the filter is not valid", f.problems());
            }
            if (filter.canonical().contains(";;") || Arrays.stream(new String[]{filter.industry(), filter.township(),
                    filter.pollutantType()}).anyMatch(v -> v != null && (v.contains(";") || v.contains("=")))) {
                throw ProblemException.invalid("filter", "filter values must not contain ';' or '='");
            }
        } else if (count != null || !filter.isEmpty()) {
            throw ProblemException.invalid(count != null ? "count" : "filter",
                    "an undirected draw takes neither filter nor count: its quotas come from the policy");
        }
    }

    /** The draw's items in ascending id order, each active, of a list that applies here, and of a level the authority may draw. */
    static final int MAX_ITEMS = 50;

    /** Sizes, before any other check reads a table: a list of 100,000 ids is refused at once, not checked id by id. */
    static void checkSizes(PrepareRequest r) {
        if (r.items() != null && r.items().size() > MAX_ITEMS) {
            throw ProblemException.invalid("items", "a draw covers at most " + MAX_ITEMS + " items; got " + r.items().size());
        }
    }

    List<ItemData> checkItems(Region authority, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.invalid("items", "a draw needs at least one item of the item list");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<ItemData> out = new ArrayList<>();
        List<String> chain = new ArrayList<>();
        for (Region r = authority; r != null; r = regions.find(r.parentCode())) {
            chain.add(r.code());
        }
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            String field = "items[" + i + "]";
            Optional<Stored<ItemData>> item = id == null ? Optional.empty() : items.find(id);
            if (item.isEmpty()) {
                problems.add(FieldProblem.field(field, String.valueOf(id), "no such item"));
                continue;
            }
            ItemData d = item.get().data();
            if (!d.active()) {
                problems.add(FieldProblem.field(field, String.valueOf(id), "the item is retired"));
            } else if (!chain.contains(d.regionCode())) {
                problems.add(FieldProblem.field(field, String.valueOf(id), "the item belongs to the list of " + d.regionCode()
                        + ", which does not apply to " + authority.code()));
            } else if (d.inspectingLevel() == null) {
                problems.add(FieldProblem.field(field, String.valueOf(id),
                        "the item has no inspecting level (〔缺失〕 in the source list); an administrator must set it first"));
            } else if (!d.inspectingLevel().allows(authority.level())) {
                problems.add(FieldProblem.field(field, String.valueOf(id), "a " + authority.level().name().toLowerCase()
                        + " bureau may not draw an item for " + d.inspectingLevel().label()));
            } else if (out.stream().anyMatch(o -> o.id() == d.id())) {
                problems.add(FieldProblem.field(field, String.valueOf(id), "listed twice"));
            } else {
                out.add(d);
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_ITEMS, problems.size() + " item(s) cannot be drawn by "
                    + authority.code(), problems);
        }
        out.sort(Comparator.comparingLong(ItemData::id));
        return out;
    }

    /** The division (责任处室) a draw is of, empty for items without one, and whether it is a joint inspection. */
    record Division(String name, boolean joint) {
    }

    /**
     * Which division draws: the one named, or the one all items belong to. A draw whose items belong to
     * two or more divisions is an internal joint inspection (内部联合抽查): it must say so ({@code joint})
     * and name its lead division, one of its items' own. Items without a division draw as before, as the
     * authority's one undirected draw.
     */
    Division division(List<ItemData> items, String named, Boolean joint) {
        FieldRules f = new FieldRules();
        String lead = f.text("division", named, 100, false);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the division is not valid", f.problems());
        }
        java.util.TreeSet<String> divisions = new java.util.TreeSet<>();
        items.forEach(i -> {
            if (i.responsibleDivision() != null) {
                divisions.add(i.responsibleDivision());
            }
        });
        boolean declaredJoint = Boolean.TRUE.equals(joint);
        if (lead == null) {
            if (declaredJoint) {
                throw ProblemException.invalid("division", "a joint inspection names its lead division, one of "
                        + divisions);
            }
            if (divisions.size() > 1) {
                throw new ProblemException(ProblemType.INVALID_ITEMS, "the items belong to " + divisions.size()
                        + " divisions " + divisions + ": a draw across divisions is an internal joint inspection (内部联合抽查);"
                        + " name its lead division and set joint", List.of(FieldProblem.field("division", null,
                        "needed: the items belong to " + divisions)));
            }
            return new Division(divisions.isEmpty() ? "" : divisions.first(), false);
        }
        if (!divisions.contains(lead)) {
            throw new ProblemException(ProblemType.INVALID_ITEMS, "no item of the draw is " + lead + "'s own",
                    List.of(FieldProblem.field("division", lead, "is the responsible division of none of the items "
                            + items.stream().map(ItemData::id).toList())));
        }
        if (declaredJoint && divisions.size() < 2) {
            throw ProblemException.invalid("joint", "a joint inspection's items belong to two or more divisions; these belong to "
                    + lead + " alone");
        }
        if (!declaredJoint) {
            List<FieldProblem> others = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                ItemData d = items.get(i);
                if (!lead.equals(d.responsibleDivision())) {
                    others.add(FieldProblem.field("items", String.valueOf(d.id()), "the item is "
                            + (d.responsibleDivision() == null ? "of no division" : d.responsibleDivision() + "'s")
                            + ", not " + lead + "'s; a draw across divisions is a joint inspection (joint: true)"));
                }
            }
            if (!others.isEmpty()) {
                throw new ProblemException(ProblemType.INVALID_ITEMS, others.size() + " item(s) of another division than "
                        + lead, others);
            }
        }
        return new Division(lead, declaredJoint);
    }

    /**
     * Each item must apply to a producing target of the jurisdiction (share an object kind with it): an item no
     * target is of could never send a team. Checked once the pool is read, before anything is written.
     */
    static void checkItemsApply(Region authority, List<ItemData> items, PoolPlan pool) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ItemData d : items) {
            if (!pool.appliesToAProducingTarget(ObjectKind.mask(d.objectKinds()))) {
                problems.add(FieldProblem.field("items", String.valueOf(d.id()), "no producing target of " + authority.code()
                        + " is " + d.objectKinds().stream().map(ObjectKind::label).collect(java.util.stream.Collectors.joining("、"))));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_ITEMS, "no target in the jurisdiction of " + authority.code()
                    + " is of a kind these items inspect; nothing was prepared", problems);
        }
    }
}
