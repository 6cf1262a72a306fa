package org.wenzheng.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.wenzheng.common.ClockProducer;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Shows stored instants in Asia/Shanghai, the same for every reader wherever they are. */
@Named("time")
@ApplicationScoped
public class TimeFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String date(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ClockProducer.ZONE).format(DATE);
    }

    public String dateTime(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ClockProducer.ZONE).format(DATE_TIME);
    }
}
