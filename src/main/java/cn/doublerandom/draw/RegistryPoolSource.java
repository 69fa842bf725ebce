package cn.doublerandom.draw;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.pool.PoolSource;
import cn.doublerandom.draw.pool.PoolTally;
import cn.doublerandom.draw.pool.TargetNote;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.SupervisionClassifier;
import cn.doublerandom.registry.target.TargetEvent;
import cn.doublerandom.registry.target.TargetStore;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A {@link PoolSource} over the target registry: first what the pool knows of targets besides their rows
 * (earlier draws, events of the period, recusals) is noted, in passes, then each target of a region
 * subtree is handed to the rules with its class this quarter and whether it may be checked off site on
 * the draw date. {@link TablePoolSource} reads the registry table; {@link MirrorPoolSource} this
 * replica's copy of it in memory, which finds each target's note by its place there instead of its USCC.
 */
abstract sealed class RegistryPoolSource implements PoolSource permits TablePoolSource, MirrorPoolSource {

    /** What the pool knows of a target: the rules' note, and its events of the period, which decide its class. */
    static final class Note extends TargetNote {
        List<TargetEvent> events = List.of();
    }

    /** Where one pass of notes finds a target's note, made the first time it is asked for. */
    interface Notes extends DrawStore.NoteOf {
        @Override
        Note of(byte[] bytes, int from, int length);

        Note of(String uscc);
    }

    final String prefix;
    final Quarter quarter;
    final LocalDate drawDate;
    final PolicyData policy;
    final SupervisionClassifier classifier;

    RegistryPoolSource(String prefix, Quarter quarter, LocalDate drawDate, PolicyData policy, SupervisionClassifier classifier) {
        this.prefix = prefix;
        this.quarter = quarter;
        this.drawDate = drawDate;
        this.policy = policy;
        this.classifier = classifier;
    }

    /** Makes or adds to notes in one pass, on the calling thread; passes run one after another. */
    abstract void note(Consumer<Notes> pass);

    /** The target's events as noted, none if it has no note. */
    static List<TargetEvent> events(Note note) {
        return note == null ? List.of() : note.events;
    }

    /**
     * Hands an undirected pool's rows to {@code tally}: a row that is not producing carries no class
     * inputs, and the rules need no class of it.
     */
    final BiConsumer<TargetStore.PoolRow, Note> rowsTo(PoolTally tally) {
        return (row, note) -> {
            if (row.status() != OperatingStatus.PRODUCING) {
                tally.consider(row.uscc(), row.status(), null, row.objectKinds(), false, true, note);
            } else {
                SupervisionClassifier.Inputs in = row.classInputs();
                tally.consider(row.uscc(), row.status(), classifier.classOf(in, events(note), quarter), row.objectKinds(),
                        NonSiteRule.applies(in.positiveListFrom(), in.positiveListTo(), row.monitoringTypes(), policy, drawDate),
                        true, note);
            }
        };
    }
}
