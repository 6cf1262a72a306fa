package org.wenzheng.board.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.board.BoardService;
import org.wenzheng.board.PublicThread;
import jakarta.servlet.http.HttpServletRequest;
import org.wenzheng.common.web.PublicPageValidator;
import org.wenzheng.common.web.Texts;

import java.io.IOException;
import java.util.Optional;

/**
 * A message's thread (/board/thread.xhtml?id=…). A message that does not exist or is not public gives the 404 page,
 * the same for both, so the page never reveals that a private or rejected message exists.
 */
@Named
@RequestScoped
public class ThreadBean {

    @Inject
    BoardService board;

    private String id;
    private PublicThread thread;

    /** f:viewAction. Publishes what it shows, so the page cache can keep the page until that changes. */
    public void load() throws IOException {
        long messageId = ThreadPageValidator.messageId(id);
        Optional<PublicThread> found = messageId > 0 ? board.thread(messageId) : Optional.empty();
        if (found.isEmpty()) {
            FacesContext fc = FacesContext.getCurrentInstance();
            fc.getExternalContext().responseSendError(404, "Not Found");
            fc.responseComplete();
            return;
        }
        thread = found.get();
        PublicPageValidator.publish((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest(), thread.fingerprint());
    }

    /** A translated text with one argument, e.g. the replying unit. */
    public String text(String key, Object arg) {
        return Texts.get(key, arg);
    }

    public PublicThread getThread() { return thread; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
}
