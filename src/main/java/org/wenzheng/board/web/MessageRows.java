package org.wenzheng.board.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.wenzheng.board.PublicMessage;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.Texts;
import org.wenzheng.common.web.TimeFormat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Makes the rows of the public message lists (home page and board) from the messages the board service reads. */
@RequestScoped
public class MessageRows {

    @Inject
    LocaleBean locale;

    @Inject
    TimeFormat time;

    public List<MessageRow> of(List<PublicMessage> messages) {
        // The page's language (f:view locale) is the reader's.
        Locale language = locale.getLocale();
        String unknownUnit = Texts.get(language, "home.unit.unknown");
        String notReplied = Texts.get(language, "board.notReplied");
        String replied = Texts.get(language, "board.col.replied");
        // A page repeats a handful of kinds and steps: each label is looked up once.
        Map<String, String> labels = new HashMap<>();
        List<MessageRow> rows = new ArrayList<>(messages.size());
        for (PublicMessage m : messages) {
            String unitName = m.unitName() == null ? unknownUnit : locale.name(m.unitName(), m.unitNameEn());
            String kind = labels.computeIfAbsent("kind." + m.kind().name(), k -> Texts.get(language, k));
            String step = labels.computeIfAbsent("step." + m.step(), k -> Texts.get(language, k));
            rows.add(new MessageRow(m.id(), m.title(), kind, unitName, time.date(m.postedAt()), m.step(), step,
                    m.repliedAt() == null ? notReplied : replied + " " + time.date(m.repliedAt())));
        }
        return rows;
    }
}
