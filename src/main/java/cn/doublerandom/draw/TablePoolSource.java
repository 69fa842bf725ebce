package cn.doublerandom.draw;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.pool.PoolTally;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.registry.target.ObjectKind;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.SupervisionClass;
import cn.doublerandom.registry.target.SupervisionClassifier;
import cn.doublerandom.registry.target.TargetData;
import cn.doublerandom.registry.target.TargetStore;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The pool read from the registry table in one part, through its region index, with notes found by
 * USCC: every draw below a province's, and a directed one, whose filter reads any registry field and so
 * whole rows ({@code filter} null for an undirected draw, which reads only what the rules need).
 */
final class TablePoolSource extends RegistryPoolSource {

    private final TargetStore targets;
    private final DirectedFilter filter;
    private final Map<String, Note> notes = new HashMap<>();

    TablePoolSource(TargetStore targets, String prefix, Quarter quarter, LocalDate drawDate, PolicyData policy,
                    SupervisionClassifier classifier, DirectedFilter filter) {
        super(prefix, quarter, drawDate, policy, classifier);
        this.targets = targets;
        this.filter = filter;
    }

    @Override
    void note(Consumer<Notes> pass) {
        pass.accept(new Notes() {
            @Override
            public Note of(byte[] bytes, int from, int length) {
                return of(new String(bytes, from, length, StandardCharsets.UTF_8));
            }

            @Override
            public Note of(String uscc) {
                return notes.computeIfAbsent(uscc, code -> new Note());
            }
        });
    }

    @Override
    public int parts() {
        return 1;
    }

    @Override
    public void scan(List<PoolTally> tallies) {
        PoolTally tally = tallies.get(0);
        if (filter != null) {
            targets.forEach(prefix, stored -> {
                TargetData t = stored.data();
                Note note = notes.get(t.uscc());
                SupervisionClass cls = classifier.classOf(SupervisionClassifier.Inputs.of(t), events(note), quarter);
                tally.consider(t.uscc(), t.operatingStatus(), cls, ObjectKind.mask(t.objectKinds()), NonSiteRule.applies(t, policy, drawDate),
                        t.operatingStatus() == OperatingStatus.PRODUCING && filter.matches(t, cls), note);
            });
        } else {
            BiConsumer<TargetStore.PoolRow, Note> sink = rowsTo(tally);
            targets.forEachPoolRow(prefix, row -> sink.accept(row, notes.get(row.uscc())));
        }
    }
}
