package cn.doublerandom.result.evidence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The default store: the bytes in {@code attachment_content}, in the same database and transaction
 * as the record of the attachment, so backups and replicas carry them. Right for a county's tens of
 * thousands of photos; see the README for when to move to an object store.
 */
@ApplicationScoped
@DefaultBean
public class PostgresAttachmentStore implements AttachmentStore {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public void put(String sha256, byte[] content) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into attachment_content (sha256, content) values (?, ?) on conflict (sha256) do nothing")) {
            ps.setString(1, sha256);
            ps.setBytes(2, content);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select content from attachment_content where sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
