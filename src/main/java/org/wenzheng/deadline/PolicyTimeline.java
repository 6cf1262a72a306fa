package org.wenzheng.deadline;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which deadline policy was in force when: a policy change applies to cases opened after it, so recomputing an older
 * case's due (after a calendar change) must use the policy that case was opened under.
 *
 * @param versions the recorded policies, each in force from its instant until the next one's
 * @param current  the policy in force now; also the answer for any instant when nothing was recorded
 */
public record PolicyTimeline(List<Version> versions, DeadlinePolicy current) {

    /** A policy in force from {@code from}. */
    public record Version(Instant from, DeadlinePolicy policy) {
        public Version {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(policy, "policy");
        }
    }

    public PolicyTimeline {
        versions = versions.stream().sorted(Comparator.comparing(Version::from)).toList();
        Objects.requireNonNull(current, "current");
    }

    /** The policy in force at {@code at}: the last version from at or before it, else the earliest (or current). */
    public DeadlinePolicy policyAt(Instant at) {
        DeadlinePolicy found = versions.isEmpty() ? current : versions.get(0).policy();
        for (Version v : versions) {
            if (v.from().isAfter(at)) {
                break;
            }
            found = v.policy();
        }
        return found;
    }
}
