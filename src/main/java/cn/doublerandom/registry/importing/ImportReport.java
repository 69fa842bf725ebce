package cn.doublerandom.registry.importing;

/** What an accepted import did. A dry run reports what it would do and writes nothing. */
public record ImportReport(String registry, String format, int rows, int created, int updated, int unchanged,
                           boolean dryRun) {
}
