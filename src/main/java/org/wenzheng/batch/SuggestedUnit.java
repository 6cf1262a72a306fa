package org.wenzheng.batch;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which unit the slip suggests for a message. For now the unit the citizen chose; routing suggestions (the routing
 * feature's RoutingAdvisor) replace this one method later.
 */
@ApplicationScoped
public class SuggestedUnit {

    /** The suggested unit's name, or null when there is none yet (the slip prints 待定). */
    public String forMessage(long messageId, String citizensTargetUnit) {
        return citizensTargetUnit;
    }
}
