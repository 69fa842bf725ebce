package cn.doublerandom.registry.target;

import cn.doublerandom.region.RegionRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;

/** The native SQL of {@link TargetLeadService} ({@code target_lead}, {@code target_lead_closure}), in the caller's transaction. */
@ApplicationScoped
class LeadStore {

    @Inject
    EntityManager entities;

    /** Locks one lead's row until the transaction ends. */
    void lockLead(long id) {
        entities.createNativeQuery("select id from target_lead where id = ?1 for update").setParameter(1, id).getResultList();
    }

    /** The targets of a region range with a lead open on {@code day}, each once. */
    List<String> openOn(RegionRange range, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<String> usccs = entities.createNativeQuery("""
                        select distinct l.uscc from target_lead l
                        left join target_lead_closure c on c.lead_id = l.id
                        where l.uscc in (select uscc from target where region_code >= ?1 and region_code < ?2)
                          and l.opened_on <= ?3 and (c.lead_id is null or c.closed_on >= ?3)""")
                .setParameter(1, range.from()).setParameter(2, range.to()).setParameter(3, day).getResultList();
        return usccs;
    }
}
