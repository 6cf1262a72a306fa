package org.wenzheng.handling.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.wenzheng.common.web.Texts;

/** Bundle texts with arguments for the handling pages, in the page's language: #{handlingText.one('key', x)}. */
@Named
@ApplicationScoped
public class HandlingText {

    public String one(String key, Object a) {
        return Texts.get(key, a);
    }

    public String two(String key, Object a, Object b) {
        return Texts.get(key, a, b);
    }
}
