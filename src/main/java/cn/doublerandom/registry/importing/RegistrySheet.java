package cn.doublerandom.registry.importing;

import cn.doublerandom.platform.problem.Problem.FieldProblem;

import java.util.List;

/**
 * How one registry lives in a spreadsheet: its columns, how a row becomes an input, how an input
 * is checked by the registry's own rules, and how a stored record is written back. Export writes
 * exactly what import reads, so a re-import of an export changes nothing.
 */
public interface RegistrySheet<I, D extends Record> {

    String name();

    List<Column> columns();

    /** The key column (USCC, inspector code). */
    String keyColumn();

    I read(CellReader cells);

    /** Problems use the record's field names, which are the columns' keys. */
    Checked<D> check(String key, I input);

    String regionOf(D data);

    String keyOf(D data);

    List<String> write(D data);

    record Checked<D>(D data, List<FieldProblem> problems) {
    }
}
