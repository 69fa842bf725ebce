package cn.doublerandom.draw;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.pool.PoolTally;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.registry.target.SupervisionClassifier;
import cn.doublerandom.registry.target.mirror.TargetMirror;
import cn.doublerandom.registry.target.mirror.TargetNotes;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * An undirected province's pool, read from this replica's copy of the registry ({@link TargetMirror}) in
 * parts at once. Notes are kept by each target's place in the copy ({@link TargetNotes}): the copy hands
 * each row its note without a lookup by USCC, which over a million rows cost more than the rest of the scan.
 */
final class MirrorPoolSource extends RegistryPoolSource {

    private final TargetMirror mirror;
    private final int parts;
    private TargetNotes<Note> notes;

    MirrorPoolSource(TargetMirror mirror, int parts, String prefix, Quarter quarter, LocalDate drawDate,
                     PolicyData policy, SupervisionClassifier classifier) {
        super(prefix, quarter, drawDate, policy, classifier);
        this.mirror = mirror;
        this.parts = parts;
    }

    @Override
    void note(Consumer<Notes> pass) {
        Consumer<TargetNotes<Note>> fill = bySlot -> pass.accept(new Notes() {
            @Override
            public Note of(byte[] bytes, int from, int length) {
                return bySlot.note(bytes, from, length, Note::new);
            }

            @Override
            public Note of(String uscc) {
                return bySlot.note(uscc, Note::new);
            }
        });
        notes = notes == null ? mirror.notes(fill) : mirror.addNotes(notes, fill);
    }

    @Override
    public int parts() {
        return parts;
    }

    @Override
    public void scan(List<PoolTally> tallies) {
        mirror.forEachPoolRow(prefix, notes == null ? mirror.notes(n -> { }) : notes, tallies.stream().map(this::rowsTo).toList());
    }
}
