package cn.doublerandom.registry.importing;

import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.registry.RegistryConfig;
import cn.doublerandom.registry.history.ChangeSet;
import cn.doublerandom.registry.tabular.ColumnMap;
import cn.doublerandom.registry.tabular.Table;
import cn.doublerandom.registry.tabular.TableReader;
import cn.doublerandom.registry.tabular.TableRow;
import cn.doublerandom.registry.tabular.TableWriter;
import cn.doublerandom.registry.tabular.UnreadableTableException;
import cn.doublerandom.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Imports a registry from .xlsx or .csv (UTF-8 or GBK), all or nothing: every problem of every row
 * is listed (row, column, value, message) and nothing is written unless there is none. Upserts by
 * key; rows equal to what is stored change nothing, so re-importing a file is harmless.
 */
@ApplicationScoped
public class RegistryImporter {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RegistryImporter.class);

    @Inject
    RegionScope scope;

    @Inject
    cn.doublerandom.region.RegionDirectory regions;

    @Inject
    RegistryConfig config;

    /**
     * @param preview plans the checked records against the stored ones and writes nothing (a dry run's counts)
     * @param apply   writes the checked records in one transaction (the registry service's own path)
     */
    public <I, D extends Record> ImportReport importFile(RegistrySheet<I, D> sheet, byte[] content, String filename,
                                                         String contentType, boolean dryRun,
                                                         Function<List<D>, ChangeSet.Outcome<D>> preview,
                                                         Function<List<D>, ChangeSet.Outcome<D>> apply) {
        long start = System.nanoTime();
        Table table = read(content, filename, contentType);
        long read = System.nanoTime();
        Map<String, String> headers = new HashMap<>();
        ColumnMap.Builder builder = ColumnMap.builder();
        for (Column c : sheet.columns()) {
            List<String> aliases = new ArrayList<>();
            aliases.add(c.header());
            aliases.addAll(c.aliases());
            if (c.required()) {
                builder.required(c.key(), aliases.toArray(String[]::new));
            } else {
                builder.optional(c.key(), aliases.toArray(String[]::new));
            }
        }
        ColumnMap.Mapping mapping = builder.build().map(table);
        mapping.columns().forEach((key, index) -> headers.put(key, table.header().get(index)));
        sheet.columns().forEach(c -> headers.putIfAbsent(c.key(), c.header()));

        List<FieldProblem> problems = new ArrayList<>();
        for (ColumnMap.Problem p : mapping.problems()) {
            problems.add(FieldProblem.cell(table.headerRowNumber(), p.column() == null ? headers.get(p.field()) : p.column(),
                    null, p.message()));
        }
        if (!mapping.hasAllRequired()) {
            throw rejected(sheet, table, problems);
        }
        if (table.rows().isEmpty()) {
            problems.add(FieldProblem.cell(table.headerRowNumber() + 1, null, null, "the file has no data rows"));
        }
        // reading and checking rows is independent per row: both cores take a share, in row order
        List<RowResult<D>> results = table.rows().parallelStream().map(row -> checkRow(sheet, mapping, headers, row)).toList();
        Map<String, Integer> firstRowOfKey = new LinkedHashMap<>();
        Map<String, Boolean> writable = new HashMap<>();
        List<D> records = new ArrayList<>(table.size());
        for (RowResult<D> result : results) {
            problems.addAll(result.problems());
            D data = result.data();
            if (data == null) {
                continue;
            }
            Integer first = firstRowOfKey.putIfAbsent(sheet.keyOf(data), result.row());
            if (first != null) {
                problems.add(FieldProblem.cell(result.row(), headers.get(sheet.keyColumn()), sheet.keyOf(data),
                        "appears again; first in row " + first));
                continue;
            }
            String region = sheet.regionOf(data);
            if (!writable.computeIfAbsent(region, scope::canWriteRegistry)) {
                problems.add(FieldProblem.cell(result.row(), headers.get("regionCode"), region,
                        "outside the regions your token may change"));
                continue;
            }
            records.add(data);
        }
        if (!problems.isEmpty()) {
            throw rejected(sheet, table, problems);
        }
        long checked = System.nanoTime();
        ChangeSet.Outcome<D> outcome = (dryRun ? preview : apply).apply(records);
        LOG.infof("import %s%s: %d rows (%s, %d bytes) read in %d ms, checked in %d ms, written in %d ms: %d created, %d updated, %d unchanged",
                sheet.name(), dryRun ? " (dry run)" : "", records.size(), table.sourceFormat(), content.length, (read - start) / 1_000_000,
                (checked - read) / 1_000_000, (System.nanoTime() - checked) / 1_000_000, outcome.created(), outcome.updated(),
                outcome.unchanged());
        return new ImportReport(sheet.name(), table.sourceFormat().name(), records.size(), outcome.created(),
                outcome.updated(), outcome.unchanged(), dryRun);
    }

    private record RowResult<D>(int row, D data, List<FieldProblem> problems) {
    }

    /** One row's cells read and checked by the registry's rules; problems name the file's own column headers. */
    private static <I, D extends Record> RowResult<D> checkRow(RegistrySheet<I, D> sheet, ColumnMap.Mapping mapping,
                                                               Map<String, String> headers, TableRow row) {
        List<FieldProblem> problems = new ArrayList<>();
        CellReader cells = new CellReader(row, mapping, headers, problems);
        String key = cells.text(sheet.keyColumn());
        I input = sheet.read(cells);
        // the rules run on the readable cells too, so the row's every problem is listed; an unreadable
        // cell reads as empty, and the rules' complaint about that column would only repeat the cell's
        java.util.Set<String> unreadable = problems.stream().map(FieldProblem::column).collect(java.util.stream.Collectors.toSet());
        RegistrySheet.Checked<D> checked = sheet.check(key, input);
        for (FieldProblem p : checked.problems()) {
            String field = p.field().replaceAll("\\[.*$", "");
            String column = headers.getOrDefault(field, p.field());
            if (!unreadable.contains(column)) {
                problems.add(FieldProblem.cell(row.rowNumber(), column, p.value(), p.message()));
            }
        }
        return new RowResult<>(row.rowNumber(), problems.isEmpty() ? checked.data() : null, problems);
    }

    /**
     * The export of a registry for a region subtree (default: the caller's own) as a download, in
     * the columns import reads.
     *
     * @param source streams the records whose region code starts with the given prefix
     */
    public <D extends Record> jakarta.ws.rs.core.Response download(RegistrySheet<?, D> sheet, String region, String format,
                                                                    java.util.function.BiConsumer<String, Consumer<D>> source) {
        String root = region == null ? scope.home() : regions.require("region", region).code();
        scope.requireRead(root);
        String f = Spreadsheets.format(format);
        String prefix = regions.subtreePrefix(root);
        return Spreadsheets.download(f, sheet.name() + "-" + root,
                Spreadsheets.streaming(out -> export(sheet, f, sink -> source.accept(prefix, sink), out)));
    }

    /** Writes the registry's columns, header first, in the chosen format. */
    public <D extends Record> void export(RegistrySheet<?, D> sheet, String format, Consumer<Consumer<D>> source,
                                          OutputStream out) throws IOException {
        List<String> header = sheet.columns().stream().map(Column::header).toList();
        List<List<String>> rows = new ArrayList<>();
        source.accept(d -> rows.add(sheet.write(d)));
        if ("csv".equals(format)) {
            TableWriter.writeCsv(header, rows, out);
        } else {
            TableWriter.writeXlsx(sheet.name(), header, rows, out);
        }
    }

    private Table read(byte[] content, String filename, String contentType) {
        if (content == null || content.length == 0) {
            throw new ProblemException(ProblemType.UNREADABLE_FILE, "the request body is empty: send the .xlsx or .csv file as the body");
        }
        try {
            return new TableReader(config.importing().maxRows(), TableReader.DEFAULT_MAX_BYTES).read(content, filename, contentType);
        } catch (UnreadableTableException e) {
            throw new ProblemException(ProblemType.UNREADABLE_FILE, e.getMessage());
        }
    }

    private static ProblemException rejected(RegistrySheet<?, ?> sheet, Table table, List<FieldProblem> problems) {
        // the problem document lists the first ProblemException.MAX_LISTED_ERRORS of them
        return new ProblemException(ProblemType.IMPORT_REJECTED,
                problems.size() + " problem(s) in the " + sheet.name() + " file; nothing was imported", problems,
                Map.of("problemCount", problems.size(), "rows", table.size()));
    }
}
