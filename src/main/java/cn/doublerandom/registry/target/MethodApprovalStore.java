package cn.doublerandom.registry.target;

import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.region.RegionRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** The native SQL of {@link MethodApprovalService} ({@code target_method_approval}), in the caller's transaction. */
@ApplicationScoped
class MethodApprovalStore {

    @Inject
    EntityManager entities;

    /** Takes the transaction's lock on the approvals of one target. */
    void lockTarget(String uscc) {
        Sql.lockForTransaction(entities, "target_method_approval", uscc);
    }

    /** Locks one approval's row until the transaction ends. */
    void lockApproval(long id) {
        entities.createNativeQuery("select id from target_method_approval where id = ?1 for update").setParameter(1, id)
                .getResultList();
    }

    /** Each approval valid on {@code day} as (uscc, item id or null, method). */
    List<Object[]> validOn(String authority, RegionRange range, LocalDate day, Collection<Long> itemIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                        select a.uscc, a.item_id, a.method from target_method_approval a
                        left join target_method_approval_withdrawal w on w.approval_id = a.id
                        where a.authority = ?1
                          and a.uscc in (select uscc from target where region_code >= ?2 and region_code < ?3)
                          and a.valid_from <= ?4 and a.valid_to >= ?4 and (w.approval_id is null or w.withdrawn_on > ?4)
                          and (a.item_id is null or a.item_id = any(cast(?5 as bigint[])))""")
                .setParameter(1, authority).setParameter(2, range.from()).setParameter(3, range.to()).setParameter(4, day)
                .setParameter(5, itemIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .getResultList();
        return rows;
    }
}
