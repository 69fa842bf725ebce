package cn.doublerandom.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A capability owns its tables: only its own code names them in SQL or maps them as entities; the others
 * ask it through a small read API (a read view, or a Java method or event of the owner). Table names live
 * in strings ArchUnit cannot see, so the migrations and the sources are read. The capability of a source is
 * its first package below {@code cn.doublerandom}. There are no exceptions.
 */
class TablesHaveOneOwnerTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/cn/doublerandom");

    /** Every table and view the migrations create, by the capability that writes it (or draws the view). */
    static final Map<String, Set<String>> OWNERS = new LinkedHashMap<>();

    static {
        OWNERS.put("audit", Set.of("audit_event"));
        OWNERS.put("authority", Set.of("authority_version"));
        OWNERS.put("calendar", Set.of("calendar_notice"));
        OWNERS.put("draw", Set.of("draw", "draw_execution", "draw_failure", "draw_substitution", "draw_target",
                "draw_void", "undirected_slot", "ledger", "draw_state", "draw_selection"));
        OWNERS.put("item", Set.of("inspection_item"));
        OWNERS.put("platform", Set.of("idempotency_record"));
        OWNERS.put("policy", Set.of("policy"));
        OWNERS.put("publication", Set.of("publication", "publication_overdue", "publication_pending",
                "credit_export_batch", "credit_export_item", "published_result", "first_publication"));
        OWNERS.put("registry", Set.of("target_positive_list", "target", "target_event", "target_event_retraction", "target_lead",
                "target_lead_closure", "target_method_approval", "target_method_approval_withdrawal", "inspector",
                "inspector_conflict", "registry_version"));
        // inspection_record is the view of random and targeted checks drawn for the reports
        OWNERS.put("report", Set.of("accountability_judgement", "accountability_retraction", "targeted_check",
                "inspection_record", "scoring_scheme"));
        OWNERS.put("result", Set.of("result_disclosure", "result_public_version", "result_declassified", "result_latest_version",
                "result_latest_hold", "result_followed_up", "result_current_version", "result_version_handling",
                "result", "result_version", "result_version_superseded", "result_item",
                "result_hold", "result_declassification", "result_signoff", "attachment", "attachment_content", "attachment_disclosure",
                "rectification", "rectification_version", "rectification_check", "penalty", "penalty_version"));
        OWNERS.put("transparency", Set.of("log_checkpoint", "log_cosignature", "log_node", "log_peer_checkpoint"));
        OWNERS.put("wording", Set.of("wording", "wording_retirement"));
    }

    /**
     * The views an owner keeps for the joins of other capabilities (reports, the portal): its read API in SQL,
     * which any capability may name, so that the owner may change its tables behind it. Each reads its owner's
     * tables (published_result also result's read view of the handling codes of versions published before
     * publication copied them).
     */
    static final Set<String> READ_VIEWS = Set.of("draw_state", "draw_selection", "published_result", "first_publication",
            "result_disclosure", "result_public_version", "result_declassified", "result_latest_version", "result_latest_hold",
            "result_followed_up", "result_current_version", "result_version_handling", "target_positive_list");

    private static final Pattern CREATED = Pattern.compile(
            "create\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(?:table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL = Pattern.compile(
            "\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|//[^\\n]*|/\\*.*?\\*/|'(?:[^'\\\\]|\\\\.)+'", Pattern.DOTALL);
    /** A literal is SQL when it starts a statement or carries a clause or a bind; prose that says "from publication" is not. */
    private static final Pattern SQL = Pattern.compile(
            "^\\s*(select|insert|update|delete|with|copy|truncate|lock|create|merge)\\b"
                    + "|\\b(where|values|order\\s+by|group\\s+by|join|on\\s+conflict|returning)\\b|\\?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY_TABLE = Pattern.compile("@Table\\s*\\(\\s*name\\s*=\\s*\"(\\w+)\"");

    /** The table names a piece of SQL names, where a table may stand: after from, join, into, update, table, copy, truncate. */
    static Pattern naming(Set<String> tables) {
        return Pattern.compile("\\b(?:from|join|into|update|table|copy|truncate)\\s+(?:only\\s+)?("
                + String.join("|", new TreeSet<>(tables)) + ")\\b(?!\\s*\\.)", Pattern.CASE_INSENSITIVE);
    }

    private static Map<String, String> owners() {
        Map<String, String> out = new TreeMap<>();
        OWNERS.forEach((capability, tables) -> tables.forEach(t -> out.put(t, capability)));
        return out;
    }

    @Test
    void everyTableHasExactlyOneOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(f));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        int mapped = OWNERS.values().stream().mapToInt(Set::size).sum();
        assertEquals(mapped, owners().size(), "a table is mapped to two capabilities");
        assertEquals(created, owners().keySet(), "each table or view a migration creates is mapped to its owner here");
    }

    @Test
    void theReadViewsAreViews() throws IOException {
        Pattern view = Pattern.compile("create\\s+(?:or\\s+replace\\s+)?view\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
        Set<String> views = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = view.matcher(Files.readString(f));
                while (m.find()) {
                    views.add(m.group(1).toLowerCase());
                }
            }
        }
        Set<String> notViews = new TreeSet<>(READ_VIEWS);
        notViews.removeAll(views);
        assertEquals(Set.of(), notViews, "only a view is a read API: a table is named by its owner alone");
    }

    @Test
    void onlyItsOwnerNamesATable() throws IOException {
        Set<String> unexpected = new TreeSet<>(crossReferences());
        unexpected.removeIf(f -> READ_VIEWS.contains(f.substring(f.lastIndexOf(' ') + 1)));
        assertEquals(Set.of(), unexpected, "ask the owning capability through its read API instead");
    }

    private static final Pattern TRIGGER_FUNCTION = Pattern.compile(
            "create\\s+(?:or\\s+replace\\s+)?function\\s+(\\w+)\\s*\\([^)]*\\)\\s*returns\\s+trigger\\b[^$]*\\$\\$(.*?)\\$\\$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TRIGGER = Pattern.compile(
            "create\\s+trigger\\s+(\\w+)\\s+(?:before|after|instead\\s+of)\\s.*?\\son\\s+(\\w+)\\s.*?execute\\s+(?:function|procedure)\\s+(\\w+)"
                    + "|drop\\s+trigger\\s+(?:if\\s+exists\\s+)?(\\w+)\\s+on\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * A trigger is its table's owner's code: its function names only tables of the capability that owns the
     * table it fires on, so that writing one capability's table never writes another's behind its back.
     * The migrations are read in version order, a later definition of a function replacing the earlier one
     * and a dropped trigger leaving.
     */
    @Test
    void aTriggerNamesOnlyItsTableOwnersTables() throws IOException {
        Map<String, String> owners = owners();
        Pattern naming = naming(owners.keySet());
        Map<String, String> functions = new TreeMap<>();
        Map<String, String[]> triggers = new TreeMap<>();
        for (Path f : migrations()) {
            String sql = Files.readString(f);
            Matcher fn = TRIGGER_FUNCTION.matcher(sql);
            while (fn.find()) {
                functions.put(fn.group(1).toLowerCase(), fn.group(2));
            }
            Matcher t = TRIGGER.matcher(sql);
            while (t.find()) {
                if (t.group(1) != null) {
                    triggers.put(t.group(1).toLowerCase() + " on " + t.group(2).toLowerCase(),
                            new String[] {t.group(2).toLowerCase(), t.group(3).toLowerCase()});
                } else {
                    triggers.remove(t.group(4).toLowerCase() + " on " + t.group(5).toLowerCase());
                }
            }
        }
        // the scan proves nothing unless it sees a trigger and the function that writes its own capability's table
        assertTrue(triggers.containsKey("result_version_supersedes on result_version"), triggers.keySet().toString());
        assertTrue(functions.containsKey("mark_superseded"), functions.keySet().toString());
        Set<String> crossings = new TreeSet<>();
        triggers.forEach((trigger, on) -> {
            String body = functions.get(on[1]);
            assertTrue(body != null, "the function of trigger " + trigger + " is defined in a migration");
            Matcher m = naming.matcher(body);
            while (m.find()) {
                String table = m.group(1).toLowerCase();
                if (!owners.get(table).equals(owners.get(on[0]))) {
                    crossings.add(trigger + " (" + on[1] + ") names " + table);
                }
            }
        });
        assertEquals(Set.of(), crossings, "let the owner of the named table act on it, asked by its own code");
    }

    /** The migrations in version order. */
    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted(java.util.Comparator.comparingInt(
                    p -> Integer.parseInt(p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1")))).toList();
        }
    }

    private static final Pattern VIEW_STATEMENT = Pattern.compile(
            "\\bcreate\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)\\s*(?:\\([^)]*\\)\\s*)?as\\b"
                    + "|\\bdrop\\s+(?:materialized\\s+)?view\\s+(?:if\\s+exists\\s+)?(\\w+(?:\\s*,\\s*\\w+)*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SQL_COMMENT = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    /** A word (a quoted identifier whole) or one character of punctuation. */
    private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"|\\w+|[^\\s\\w]");
    /** The words that end a from list at its own depth. */
    private static final Set<String> FROM_LIST_ENDS = Set.of("where", "group", "having", "window", "order", "limit",
            "offset", "fetch", "for", "union", "intersect", "except", "returning");
    /** The words a parenthesis in a from list starts with when it holds a query, not a parenthesized join. */
    private static final Set<String> QUERY_STARTS = Set.of("select", "with", "values", "table");

    /**
     * Each view's latest definition, by name, from migrations read in order: a later create or replace
     * replaces the body, a drop removes the view. A body runs from "as" to the end of its statement, its
     * subqueries included.
     */
    static Map<String, String> viewBodies(List<String> migrations) {
        Map<String, String> views = new TreeMap<>();
        for (String migration : migrations) {
            String sql = SQL_COMMENT.matcher(migration).replaceAll(" ");
            Matcher m = VIEW_STATEMENT.matcher(sql);
            int from = 0;
            while (m.find(from)) {
                if (m.group(1) != null) {
                    int end = statementEnd(sql, m.end());
                    views.put(m.group(1).toLowerCase(), sql.substring(m.end(), end));
                    from = end;
                } else {
                    for (String dropped : m.group(2).split("\\s*,\\s*")) {
                        views.remove(dropped.toLowerCase());
                    }
                    from = m.end();
                }
            }
        }
        return views;
    }

    /** Where the statement that goes on at start ends: its semicolon outside parentheses and quotes, or the text's end. */
    private static int statementEnd(String sql, int start) {
        int depth = 0;
        boolean quoted = false;
        for (int i = start; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && c == ';' && depth == 0) {
                return i;
            }
        }
        return sql.length();
    }

    /** The tables and views (of those the migrations create) a view's body reads. */
    static Set<String> reads(String body, Set<String> relations) {
        Set<String> out = relationsRead(body);
        out.retainAll(relations);
        return out;
    }

    /**
     * The relations a query reads: each item of each from list (comma-separated or joined, in subqueries
     * too, a schema's qualifier dropped) that is a name, not a function's call (unnest, lateral
     * jsonb_array_elements) and not a name its with clause defines. A from inside a parenthesis that holds
     * no select (extract's, substring's) and is distinct from are no from lists. A with name counts
     * for the whole body wherever it is defined, looser than SQL's scopes: a body that reads a table and
     * elsewhere shadows it with a with name hides that read.
     */
    static Set<String> relationsRead(String body) {
        List<String> t = new ArrayList<>();
        Matcher m = TOKEN.matcher(body.replaceAll("'[^']*'", "''"));
        while (m.find()) {
            t.add(m.group().toLowerCase());
        }
        Set<String> out = new TreeSet<>();
        Set<String> defined = new TreeSet<>();
        // per open parenthesis, whether a select has started at its depth
        Deque<Boolean> query = new ArrayDeque<>();
        query.push(false);
        for (int i = 0; i < t.size(); i++) {
            switch (t.get(i)) {
                case "(", "[" -> query.push(false);
                case ")", "]" -> {
                    if (query.size() > 1) {
                        query.pop();
                    }
                }
                case "select" -> {
                    query.pop();
                    query.push(true);
                }
                case "with" -> withNames(t, i + 1, defined);
                case "from" -> {
                    boolean distinctFrom = at(t, i - 1).equals("distinct") && Set.of("is", "not").contains(at(t, i - 2));
                    if (query.peek() && !distinctFrom) {
                        fromList(t, i + 1, out);
                    }
                }
                default -> { }
            }
        }
        out.removeAll(defined);
        return out;
    }

    /** The relations of the from list that starts at i, up to the end of its depth or the clause after it. */
    private static void fromList(List<String> t, int i, Set<String> out) {
        boolean item = true;
        for (; i < t.size(); i++) {
            String w = t.get(i);
            if (w.equals(")") || w.equals("]") || w.equals(";") || FROM_LIST_ENDS.contains(w)) {
                return;
            }
            if (w.equals(",") || w.equals("join")) {
                item = true;
            } else if (w.equals("(") || w.equals("[")) {
                // a subquery's own from is met by the caller; a parenthesized join is a from list of its own
                if (item && !QUERY_STARTS.contains(at(t, i + 1))) {
                    fromList(t, i + 1, out);
                }
                item = false;
                i = close(t, i);
            } else if (item && !w.equals("lateral") && !w.equals("only")) {
                int last = i;
                while (at(t, last + 1).equals(".") && at(t, last + 2).matches("\\w+")) {
                    last += 2;
                }
                if (!at(t, last + 1).equals("(") && w.matches("\\w+")) {
                    out.add(t.get(last));
                }
                item = false;
                i = last;
            }
        }
    }

    /** The names a with clause at i defines: name [(columns)] as [[not] materialized] (query), comma-separated. */
    private static void withNames(List<String> t, int i, Set<String> out) {
        if (at(t, i).equals("recursive")) {
            i++;
        }
        while (at(t, i).matches("\\w+")) {
            int k = i + 1;
            if (at(t, k).equals("(")) {
                k = close(t, k) + 1;
            }
            if (!at(t, k).equals("as")) {
                return;
            }
            k++;
            if (at(t, k).equals("not")) {
                k++;
            }
            if (at(t, k).equals("materialized")) {
                k++;
            }
            if (!at(t, k).equals("(")) {
                return;
            }
            out.add(t.get(i));
            k = close(t, k) + 1;
            if (!at(t, k).equals(",")) {
                return;
            }
            i = k + 1;
        }
    }

    /** The index of the bracket that closes the one at open, or the last token. */
    private static int close(List<String> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            String w = t.get(i);
            if (w.equals("(") || w.equals("[")) {
                depth++;
            } else if ((w.equals(")") || w.equals("]")) && --depth == 0) {
                return i;
            }
        }
        return t.size() - 1;
    }

    private static String at(List<String> t, int i) {
        return i >= 0 && i < t.size() ? t.get(i) : "";
    }

    /** Each view's relations as it stands after the last migration, those no migration creates included. */
    private static Map<String, Set<String>> viewReads() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path f : migrations()) {
            texts.add(Files.readString(f));
        }
        Map<String, Set<String>> out = new TreeMap<>();
        viewBodies(texts).forEach((view, body) -> out.put(view, relationsRead(body)));
        return out;
    }

    /**
     * A view is its owner's SQL: as it stands after the last migration, it reads only its owner's tables and
     * views and the other capabilities' read views, so that no capability's tables are read behind its back
     * from the database's side.
     */
    @Test
    void aViewReadsOnlyItsOwnersTablesAndReadViews() throws IOException {
        Map<String, Set<String>> views = viewReads();
        // the check proves nothing unless it sees the bodies: the report's view of every check reads a result
        // read view, the draw's read view in a not-exists, another in a scalar subquery and its own table
        assertTrue(views.keySet().containsAll(Set.of("inspection_record", "published_result", "draw_state")), views.keySet().toString());
        assertTrue(views.get("inspection_record").containsAll(Set.of("targeted_check", "draw_state", "result_declassified",
                "result_current_version")), views.get("inspection_record").toString());
        assertTrue(views.get("published_result").containsAll(Set.of("publication", "result_version_handling")),
                views.get("published_result").toString());
        // nor unless what it takes for a relation is one: a column or an alias read as a table is a misread
        Set<String> unknown = new TreeSet<>();
        views.forEach((view, reads) -> reads.stream().filter(r -> !owners().containsKey(r)).forEach(r -> unknown.add(view + " reads " + r)));
        assertEquals(Set.of(), unknown, "the scan reads only relations the migrations create");
        assertEquals(Set.of(), crossings(views), "read the owner's read view, or have the owner add one");
    }

    /** "view (owner) reads relation (owner)" for each relation a view reads that is neither its owner's nor a read view. */
    static Set<String> crossings(Map<String, Set<String>> views) {
        Map<String, String> owners = owners();
        Set<String> crossings = new TreeSet<>();
        views.forEach((view, reads) -> {
            for (String relation : reads) {
                if (owners.containsKey(relation) && !owners.get(relation).equals(owners.get(view)) && !READ_VIEWS.contains(relation)) {
                    crossings.add(view + " (" + owners.get(view) + ") reads " + relation + " (" + owners.get(relation) + ")");
                }
            }
        });
        return crossings;
    }

    /** A read view is its owner's read API: it stands on its owner's own tables, and no other capability's table. */
    @Test
    void aReadViewReadsItsOwnersTables() throws IOException {
        Map<String, String> owners = owners();
        Map<String, Set<String>> views = viewReads();
        Set<String> wrong = new TreeSet<>();
        for (String view : READ_VIEWS) {
            Set<String> reads = new TreeSet<>(views.getOrDefault(view, Set.of()));
            reads.retainAll(owners.keySet());
            Set<String> ownTables = new TreeSet<>(reads);
            ownTables.removeIf(r -> views.containsKey(r) || !owners.get(r).equals(owners.get(view)));
            if (ownTables.isEmpty()) {
                wrong.add(view + " reads none of " + owners.get(view) + "'s tables: " + reads);
            }
            for (String relation : reads) {
                if (!views.containsKey(relation) && !owners.get(relation).equals(owners.get(view))) {
                    wrong.add(view + " (" + owners.get(view) + ") reads table " + relation + " (" + owners.get(relation) + ")");
                }
            }
        }
        assertEquals(Set.of(), wrong, "a read view shows its owner's tables");
    }

    @Test
    void theViewScanFollowsTheMigrations() {
        Map<String, String> bodies = viewBodies(List.of("""
                create view a as select 1 from policy; -- create view b as select 1 from ledger;
                create view b (x) as select x.id from wording x
                    where exists (select 1 from (select 1 from target t where t.id = x.id) s)
                      and x.n > (select count(*) from jsonb_array_elements(x.j) e)
                      and extract(epoch from x.at) > 0 and x.s <> 'from ledger; x';
                insert into inspector select * from target;
                create view c as select 1 from draw;
                """, """
                create or replace view a as select 1 from policy p join only inspector i on i.id = p.id;
                drop view if exists c;
                create view d as select 1 from result;
                drop view d, b;
                create view b as select * from calendar_notice
                """));
        assertEquals(Set.of("a", "b"), bodies.keySet());
        Set<String> relations = owners().keySet();
        assertEquals(Set.of("policy", "inspector"), reads(bodies.get("a"), relations));
        assertEquals(Set.of("calendar_notice"), reads(bodies.get("b"), relations));
        Map<String, String> first = viewBodies(List.of(
                "create view b (x) as select x.id from wording x where exists (select 1 from (select 1 from target t) s)"
                        + " and x.n > (select count(*) from jsonb_array_elements(x.j) e) and extract(epoch from x.at) > 0"
                        + " and x.s <> 'from ledger; x'; insert into inspector select 1 from draw;"));
        assertEquals(Set.of("wording", "target"), reads(first.get("b"), relations));
    }

    @Test
    void theViewScanSeesCommaJoinsWithNamesAndFunctions() {
        Set<String> relations = owners().keySet();
        // each item of a comma-separated from list, after a join's condition and under a schema's name too
        assertEquals(Set.of("policy", "wording", "target", "inspector"), reads("""
                select 1 from policy p join wording w on w.id = p.id and w.n in (1, 2), target t, public.inspector
                where t.id = p.id""", relations));
        assertEquals(Set.of("policy", "wording", "target", "draw"),
                reads("select 1 from ((policy p join wording w using (id)) join draw using (id)), (select id from target) t", relations));
        // a name the with clause defines is no table, even one that shadows a table; what it reads is read
        assertEquals(Set.of("draw", "draw_void"), reads("""
                with recursive ledger (id) as (select id from draw), v as not materialized (select 1 from draw_void)
                select * from ledger l, v join ledger k on k.id = l.id""", relations));
        // a set-returning function is no table, even one named like a table; the tables beside it are
        assertEquals(Set.of("targeted_check", "target"), reads("""
                select 1 from unnest(array[1, 2]) with ordinality as u (id, n), targeted_check c
                cross join lateral jsonb_array_elements(c.problems) p
                join lateral (select 1 from target where id = u.id) t on true, pg_catalog.ledger(c.id) l
                where c.at is distinct from ledger and extract(epoch from draw.at) > 0""", relations));
        assertEquals(Set.of(), reads("select substring(x from 2 for 3), trim(both from wording) from (values (1)) v", relations));

        // through the check itself: a comma-joined table of another capability is a crossing, the rest are not
        Map<String, String> bodies = viewBodies(List.of("""
                create view inspection_record as select 1 from targeted_check c, result r where r.id = c.id;
                create view scoring_scheme as
                    with result as (select * from accountability_judgement) select * from result, targeted_check;
                create view accountability_retraction as select 1 from targeted_check c
                    cross join lateral jsonb_array_elements(c.problems) p, unnest(c.items) result;
                """));
        Map<String, Set<String>> views = new TreeMap<>();
        bodies.forEach((view, body) -> views.put(view, relationsRead(body)));
        assertEquals(Set.of("inspection_record (report) reads result (result)"), crossings(views));
    }

    /** "source names table" for every SQL literal or entity mapping that names another capability's table. */
    static Set<String> crossReferences() throws IOException {
        Map<String, String> owners = owners();
        Pattern naming = naming(owners.keySet());
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = SOURCES.relativize(file).toString().replace('\\', '/');
                String capability = source.contains("/") ? source.substring(0, source.indexOf('/')) : "";
                String text = Files.readString(file);
                List<String> named = new ArrayList<>();
                Matcher entity = ENTITY_TABLE.matcher(text);
                while (entity.find()) {
                    named.add(entity.group(1).toLowerCase());
                }
                for (String literal : literals(text)) {
                    named.addAll(named(naming, literal));
                }
                for (String table : named) {
                    if (!capability.equals(owners.get(table))) {
                        out.add(source + " names " + table);
                    }
                }
            }
        }
        return out;
    }

    /** The tables a literal names, if it is SQL. */
    static List<String> named(Pattern naming, String literal) {
        List<String> out = new ArrayList<>();
        if (SQL.matcher(literal).find()) {
            Matcher m = naming.matcher(literal);
            while (m.find()) {
                out.add(m.group(1).toLowerCase());
            }
        }
        return out;
    }

    /** The string literals and text blocks of a source, comments skipped. */
    static List<String> literals(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = LITERAL.matcher(source);
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(m.group(1));
            } else if (m.group(2) != null) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    @Test
    void theScanSeesTheFormsSqlTakes() {
        // the checks above prove nothing unless these forms are seen and column names are not
        Pattern p = naming(owners().keySet());
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("select count(*) from publication where result_id = ?", List.of("publication"));
        cases.put("select a.x from result_view a left join inspector i on i.code = a.code", List.of("inspector"));
        cases.put("insert into target (uscc) values (?)", List.of("target"));
        cases.put("update result set confidential = true where id = ?", List.of("result"));
        cases.put("copy draw_target (draw_id) from stdin", List.of("draw_target"));
        cases.put("select 1 where exists (select 1 from only draw_void v where v.draw_id = d.id)", List.of("draw_void"));
        cases.put("truncate ledger", List.of("ledger"));
        cases.put("lock table policy in share mode", List.of("policy"));
        cases.put("insert into draw_execution (draw_id, given, generated, seed, result, executed_at) values (?, ?)",
                List.of("draw_execution"));
        cases.put("select authority, kind, wording, source from x where p.result_id = r.id", List.of());
        cases.put("select 1 from x join y on y.target = x.id", List.of());
        cases.put(" from publication where seq > ? order by seq limit ?", List.of("publication"));
        cases.put("Hold a publishable result back from publication, with a reason", List.of());
        cases.forEach((sql, tables) -> assertEquals(tables, named(p, sql), sql));
        List<String> lits = literals("""
                // "from target" in a comment is no SQL
                String a = "select 1 from policy"; /* "from result" */
                String b = \"""
                    select 2 from wording
                    \""";
                char c = '"';
                """);
        assertEquals(2, lits.size(), lits.toString());
        assertTrue(lits.get(0).contains("from policy") && lits.get(1).contains("from wording"), lits.toString());
    }
}
