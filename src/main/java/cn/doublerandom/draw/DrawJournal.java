package cn.doublerandom.draw;

import cn.doublerandom.audit.AuditTrail;
import cn.doublerandom.draw.engine.LedgerRecord;
import cn.doublerandom.draw.ledger.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The one writer of a draw's history. Each {@link DrawEvent} becomes, in the caller's transaction and
 * nowhere else, its fact rows ({@link DrawStore}), its audit row ({@link AuditTrail}) and its DRAW-1 §5
 * ledger record ({@link Ledger}): the three can neither diverge nor be written one without the others.
 */
@ApplicationScoped
public class DrawJournal {

    @Inject
    DrawStore store;

    @Inject
    AuditTrail audit;

    @Inject
    Ledger ledger;

    /** Records the event; refuses to run outside a transaction, so a rollback takes all three writes back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ledger.Entry record(DrawEvent event) {
        if (event instanceof DrawEvent.Prepared p) {
            store.insertDraw(p);
            audit.record("PREPARE", "DRAW", p.drawId(), p.authority(), p.kind() + " " + p.quarter() + " pool " + p.poolHash());
            List<String> items = p.items().stream().map(String::valueOf).toList();
            return ledger.append(p.drawId(), "prepare", p.authority(), p.quarter(), h -> LedgerRecord.prepare(h, p.kind(),
                    p.filter(), items, p.drawDate(), p.poolHash(), p.commit(), p.replaces(), p.randomness(), p.salt()));
        }
        if (event instanceof DrawEvent.Executed x) {
            // the stored result and the record's result lines are one text (a province's is megabytes)
            String result = x.outcome().resultText();
            store.insertExecution(x, result);
            audit.record("EXECUTE", "DRAW", x.drawId(), x.authority(), x.outcome().targets().size() + " targets selected");
            return ledger.append(x.drawId(), "execute", x.authority(), x.quarter(),
                    h -> LedgerRecord.execute(h, x.given(), x.nonce(), result));
        }
        if (event instanceof DrawEvent.Failed f) {
            store.insertFailure(f);
            audit.record("FAIL", "DRAW", f.drawId(), f.authority(), f.failure().reason());
            return ledger.append(f.drawId(), "fail", f.authority(), f.quarter(),
                    h -> LedgerRecord.fail(h, f.given(), f.nonce(), f.failure().reason()));
        }
        if (event instanceof DrawEvent.Voided v) {
            store.insertVoid(v);
            audit.record("VOID", "DRAW", v.drawId(), v.authority(), v.reason());
            return ledger.append(v.drawId(), "void", v.authority(), v.quarter(), h -> LedgerRecord.voidDraw(h, v.reason()));
        }
        DrawEvent.Substituted s = (DrawEvent.Substituted) event;
        store.insertSubstitution(s);
        audit.record("SUBSTITUTE", "DRAW", s.drawId(), s.authority(),
                s.uscc() + ": " + s.replaced() + " -> " + s.replacement() + "; " + s.reason());
        return ledger.append(s.drawId(), "substitute", s.authority(), s.quarter(),
                h -> LedgerRecord.substitute(h, s.reason(), s.uscc(), s.team(), s.salt()));
    }
}
