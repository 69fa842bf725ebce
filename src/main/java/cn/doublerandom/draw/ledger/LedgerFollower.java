package cn.doublerandom.draw.ledger;

/**
 * Something kept in step with the ledger (the transparency log's tree): told of each record in the
 * transaction that appends it, under the ledger head's lock, so it can never lag or lead once
 * that transaction commits. Throwing rolls the record back.
 */
public interface LedgerFollower {

    void appended(Ledger.Entry entry);
}
