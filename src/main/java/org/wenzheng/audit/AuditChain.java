package org.wenzheng.audit;

/**
 * Follows the audit chain entry by entry, in id order: an entry continues the chain when it names the previous
 * entry's hash and its own content still gives its hash. Shared by {@link AuditTrail#firstBrokenEntry()} and the
 * operators' command {@link AuditVerifyCommand}.
 */
final class AuditChain {

    private String prev = AuditEntry.GENESIS;
    private long checked;

    /** True if the entry continues the chain; false at the first entry that breaks it. */
    boolean accept(AuditEntry e) {
        if (!e.getPrevHash().equals(prev) || !e.computeHash().equals(e.getEntryHash())) {
            return false;
        }
        prev = e.getEntryHash();
        checked++;
        return true;
    }

    long checked() {
        return checked;
    }
}
