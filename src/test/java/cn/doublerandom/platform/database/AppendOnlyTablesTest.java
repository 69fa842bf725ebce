package cn.doublerandom.platform.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every append-only table, as the catalog lists them (a row trigger refusing UPDATE through
 * reject_rewrite), refuses UPDATE, DELETE and TRUNCATE; TRUNCATE fires no row trigger, so it needs
 * its own statement-level one. Every attempt runs in a transaction that is rolled back, so a missing
 * trigger fails the test without emptying a table the other tests share.
 */
@QuarkusTest
class AppendOnlyTablesTest {

    // the tables whose rewriting would change what a draw, a result or the audit trail says
    private static final Set<String> MUST_BE_APPEND_ONLY = Set.of("draw", "draw_execution", "draw_failure", "draw_void",
            "undirected_slot", "draw_target", "draw_substitution", "ledger", "registry_version", "target_event",
            "target_event_retraction", "audit_event", "calendar_notice", "result", "result_version", "result_hold",
            "result_item", "result_version_superseded", "publication", "publication_overdue", "wording", "wording_retirement",
            "targeted_check", "accountability_judgement", "accountability_retraction", "rectification",
            "rectification_version", "rectification_check", "penalty", "penalty_version", "authority_version",
            "attachment", "attachment_content", "attachment_disclosure", "result_signoff", "credit_export_batch", "credit_export_item", "log_peer_checkpoint", "target_lead", "target_lead_closure",
            "target_method_approval", "target_method_approval_withdrawal");

    private static final int ROW = 1, BEFORE = 2, DELETE = 8, UPDATE = 16, TRUNCATE = 32;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entities;

    @Test
    void everyAppendOnlyTableRefusesUpdateDeleteAndTruncate() throws SQLException {
        List<String> failures = new ArrayList<>();
        int attempts = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<String, Integer> triggers = triggerTypes(c);
                Set<String> appendOnly = new java.util.TreeSet<>();
                triggers.forEach((table, types) -> {
                    if ((types & (ROW << 8 | UPDATE)) == (ROW << 8 | UPDATE)) {
                        appendOnly.add(table);
                    }
                });
                assertTrue(appendOnly.containsAll(MUST_BE_APPEND_ONLY), "append-only per the catalog: " + appendOnly);
                for (String table : appendOnly) {
                    int types = triggers.get(table);
                    if ((types & (ROW << 8 | DELETE)) == 0) {
                        failures.add(table + ": no row trigger refuses DELETE");
                    }
                    if ((types & (1 << 16 | TRUNCATE)) != (1 << 16 | TRUNCATE)) {
                        failures.add(table + ": no statement trigger refuses TRUNCATE");
                    }
                    String column = firstColumn(c, table);
                    String oneRow = " where ctid = (select ctid from " + table + " limit 1)";
                    boolean hasRows = hasRows(c, table);
                    for (String sql : new String[] {"truncate " + table + " cascade", "update " + table + " set " + column + " = " + column + oneRow,
                            "delete from " + table + oneRow}) {
                        // CASCADE: a referenced table would otherwise be refused by its foreign keys, before any trigger
                        if (!hasRows && !sql.startsWith("truncate")) {
                            continue;  // a row trigger has nothing to fire on; the catalog check above covers it
                        }
                        attempts++;
                        String refusal = refusal(c, sql);
                        String op = sql.substring(0, sql.indexOf(' ')).toUpperCase();
                        if (refusal == null || !refusal.contains("append-only table " + table + ": " + op + " is not allowed")) {
                            failures.add(sql + " -> " + (refusal == null ? "succeeded" : refusal));
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(attempts >= MUST_BE_APPEND_ONLY.size(), "at least a TRUNCATE on each table, got " + attempts);
    }

    @Test
    void everyEntityOnAnAppendOnlyTableIsInsertOnly() throws SQLException {
        Set<String> appendOnly;
        try (Connection c = dataSource.getConnection()) {
            appendOnly = triggerTypes(c).keySet();
        }
        // a mutable entity would let a setter's change reach the trigger at flush, as a 500 far from its cause
        Set<String> mapped = new java.util.TreeSet<>();
        List<String> mutable = new ArrayList<>();
        for (EntityType<?> e : entities.getMetamodel().getEntities()) {
            Table table = e.getJavaType().getAnnotation(Table.class);
            if (table != null && appendOnly.contains(table.name())) {
                mapped.add(table.name());
                if (!e.getJavaType().isAnnotationPresent(Immutable.class)) {
                    mutable.add(e.getJavaType().getName() + " on " + table.name());
                }
            }
        }
        assertEquals(List.of(), mutable, "entities on append-only tables must be @Immutable");
        assertTrue(mapped.containsAll(Set.of("calendar_notice", "accountability_judgement", "result", "result_version",
                "rectification", "penalty_version", "targeted_check")), "the check saw the entities it guards: " + mapped);
    }

    /**
     * Per table, the reject_rewrite triggers' event bits: row-level events shifted into the second
     * byte, statement-level ones into the third, so the test can ask for both kinds.
     */
    private static Map<String, Integer> triggerTypes(Connection c) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select cl.relname, t.tgtype from pg_trigger t join pg_class cl on cl.oid = t.tgrelid
                  join pg_proc p on p.oid = t.tgfoid join pg_namespace n on n.oid = cl.relnamespace
                 where p.proname = 'reject_rewrite' and not t.tgisinternal and n.nspname = current_schema()""")) {
            while (rs.next()) {
                int type = rs.getInt(2);
                if ((type & BEFORE) == 0) {
                    continue;
                }
                int events = type & (DELETE | UPDATE | TRUNCATE);
                int shifted = (type & ROW) != 0 ? (ROW << 8) | events : (1 << 16) | events;
                out.merge(rs.getString(1), shifted, (a, b) -> a | b);
            }
        }
        return out;
    }

    /** A column that may be assigned to itself: an identity column GENERATED ALWAYS refuses before any trigger runs. */
    private static String firstColumn(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select column_name from information_schema.columns where table_schema = current_schema() and table_name = '"
                        + table + "' and is_identity = 'NO' and is_generated = 'NEVER' order by ordinal_position limit 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean hasRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select exists (select 1 from " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The error the statement met, or null when it went through (rolled back to the savepoint either way). */
    private static String refusal(Connection c, String sql) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        } finally {
            c.rollback(before);
        }
    }
}
