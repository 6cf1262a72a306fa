package org.wenzheng.intake;

/** A message as the officer saw it: its id and the version then, for optimistic locking. */
public record VersionedId(long id, long version) {
}
