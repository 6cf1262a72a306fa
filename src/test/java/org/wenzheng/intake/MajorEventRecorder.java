package org.wenzheng.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer: remembers the ids of messages for which MajorMessageRegistered was fired. */
@ApplicationScoped
public class MajorEventRecorder {

    static final List<Long> FIRED = new CopyOnWriteArrayList<>();

    void on(@Observes MajorMessageRegistered e) {
        FIRED.add(e.messageId());
    }
}
