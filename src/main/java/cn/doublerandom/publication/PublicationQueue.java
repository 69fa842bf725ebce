package cn.doublerandom.publication;

import cn.doublerandom.result.VersionPublishable;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Fills the publication job's queue {@code publication_pending}: a version result announces as publishable
 * is queued in the transaction that announced it, so it is queued if and only if that transaction commits.
 * The job empties the queue ({@link PublicationService}).
 */
@ApplicationScoped
public class PublicationQueue {

    @Inject
    AgroalDataSource dataSource;

    void queue(@Observes VersionPublishable v) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into publication_pending (result_id, version) values (?, ?) on conflict do nothing")) {
            ps.setString(1, v.resultId());
            ps.setInt(2, v.version());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
