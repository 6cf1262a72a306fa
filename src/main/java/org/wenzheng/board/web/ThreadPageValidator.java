package org.wenzheng.board.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.wenzheng.board.BoardService;
import org.wenzheng.board.PublicThread;
import org.wenzheng.common.web.PublicPageValidator;

import java.util.Optional;

/**
 * Tells the page cache whether a stored thread page still shows the thread as it is: the same read the page makes
 * (two indexed queries), fingerprinted as {@link ThreadBean} fingerprints what it rendered.
 */
@ApplicationScoped
public class ThreadPageValidator implements PublicPageValidator {

    @Inject
    BoardService board;

    @Override
    public boolean handles(String path) {
        return "/board/thread.xhtml".equals(path);
    }

    @Override
    public Optional<String> current(HttpServletRequest request) {
        long messageId = messageId(request.getParameter("id"));
        return messageId > 0 ? board.thread(messageId).map(PublicThread::fingerprint) : Optional.empty();
    }

    /** The thread page's id parameter, or -1 when it is missing or not a number (a 404 like any unknown id). */
    static long messageId(String id) {
        try {
            return id == null ? -1 : Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
