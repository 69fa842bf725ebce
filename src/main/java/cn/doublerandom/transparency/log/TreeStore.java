package cn.doublerandom.transparency.log;

import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.transparency.merkle.Frontier;
import cn.doublerandom.transparency.merkle.Merkle;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The tree's complete subtrees (table {@code log_node}), each stored once. Proofs are computed
 * twice: once to learn which subtrees they read, then from those subtrees fetched in one query,
 * so a proof costs one round trip whatever the tree's size.
 */
@ApplicationScoped
public class TreeStore {

    private static final byte[] PLACEHOLDER = new byte[Merkle.HASH_LENGTH];

    @Inject
    AgroalDataSource dataSource;

    /** log_node; another table of its shape only for the benchmark's synthetic tree of millions of leaves. */
    String table = "log_node";

    /** The store over a table shaped like log_node (the benchmark's synthetic tree). */
    static TreeStore over(AgroalDataSource dataSource, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a table name");
        }
        TreeStore s = new TreeStore();
        s.dataSource = dataSource;
        s.table = table;
        return s;
    }

    /** The number of leaves. */
    public long size() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select coalesce(max(idx) + 1, 0) from " + table + " where level = 0");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Leaf hashes of leaves {@code from} to {@code from + limit - 1}, those the tree has. */
    public List<byte[]> leaves(long from, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select hash from " + table + " where level = 0 and idx >= ? and idx < ? order by idx")) {
            ps.setLong(1, from);
            ps.setLong(2, from + limit);
            List<byte[]> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Frontier frontier(long size) {
        Map<Frontier.Node, byte[]> nodes = read(Frontier.nodesOf(size));
        return Frontier.of(size, (level, index) -> nodes.get(new Frontier.Node(level, index)));
    }

    public void insert(List<Frontier.NewNode> made) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into " + table + " (level, idx, hash) values (?, ?, ?)")) {
            for (Frontier.NewNode n : made) {
                ps.setInt(1, n.level());
                ps.setLong(2, n.index());
                ps.setBytes(3, n.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("storing the tree's new subtrees", e);
        }
    }

    /** Runs {@code computation} (a proof or a root) over the stored subtrees, reading them in one query. */
    public <T> T compute(Function<Merkle.NodeSource, T> computation) {
        Set<Frontier.Node> wanted = new LinkedHashSet<>();
        computation.apply((level, index) -> {
            wanted.add(new Frontier.Node(level, index));
            return PLACEHOLDER;
        });
        Map<Frontier.Node, byte[]> nodes = read(wanted);
        return computation.apply((level, index) -> {
            byte[] h = nodes.get(new Frontier.Node(level, index));
            if (h == null) {
                throw new IllegalStateException("the tree lacks subtree " + level + "/" + index);
            }
            return h;
        });
    }

    private Map<Frontier.Node, byte[]> read(Collection<Frontier.Node> wanted) {
        Map<Frontier.Node, byte[]> out = new HashMap<>();
        if (wanted.isEmpty()) {
            return out;
        }
        Short[] levels = new Short[wanted.size()];
        Long[] indexes = new Long[wanted.size()];
        int i = 0;
        for (Frontier.Node n : wanted) {
            levels[i] = (short) n.level();
            indexes[i++] = n.index();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select n.level, n.idx, n.hash from " + table + " n"
                     + " join unnest(?::smallint[], ?::bigint[]) as w(level, idx) on n.level = w.level and n.idx = w.idx")) {
            Array l = c.createArrayOf("smallint", levels);
            Array x = c.createArrayOf("bigint", indexes);
            ps.setArray(1, l);
            ps.setArray(2, x);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new Frontier.Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the transaction-scoped advisory lock {@code key}: one grower of the tree at a time, across replicas. */
    void lock(long key) {
        Sql.lockForTransaction(dataSource, key);
    }
}
