package cn.doublerandom.draw.pool;

import java.util.List;

/**
 * What a pool knows of one target besides its registry row: what earlier draws decide (selected this
 * quarter, how often this year, who checked it last) and which of the draw's staff recuse themselves
 * from it. Filled by a {@link PoolSource} while it reads earlier draws and staff, in passes, before the
 * scan hands it to the rules with its target; most targets have none (null). A source may extend it
 * with what else it keeps of a target.
 */
public class TargetNote {

    private boolean selectedThisQuarter;
    private int selectedThisYear;
    private List<String> lastTeam = List.of();
    private List<String> recusedBy = List.of();

    /** One selection of this target by an executed, unvoided draw of the year; {@code thisQuarter} if made this quarter. */
    public void selected(boolean thisQuarter) {
        selectedThisYear++;
        selectedThisQuarter |= thisQuarter;
    }

    /** The team of its last check in an earlier quarter (after substitutions); kept as given, not copied. */
    public void lastTeam(List<String> team) {
        lastTeam = team;
    }

    /** The members of the draw's staff who recuse themselves from it (回避); kept as given, not copied. */
    public void recusedBy(List<String> inspectors) {
        recusedBy = inspectors;
    }

    public boolean selectedThisQuarter() {
        return selectedThisQuarter;
    }

    public int selectedThisYear() {
        return selectedThisYear;
    }

    public List<String> lastTeam() {
        return lastTeam;
    }

    public List<String> recusedBy() {
        return recusedBy;
    }
}
