package org.wenzheng.board.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.board.BoardService;
import org.wenzheng.board.PublicThread;
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

    /** f:viewAction. */
    public void load() throws IOException {
        Optional<PublicThread> found = Optional.empty();
        try {
            long messageId = id == null ? -1 : Long.parseLong(id.strip());
            found = messageId > 0 ? board.thread(messageId) : Optional.empty();
        } catch (NumberFormatException e) {
            // Not a number: no such message, like any other unknown id.
        }
        if (found.isEmpty()) {
            FacesContext fc = FacesContext.getCurrentInstance();
            fc.getExternalContext().responseSendError(404, "Not Found");
            fc.responseComplete();
            return;
        }
        thread = found.get();
    }

    /** A translated text with one argument, e.g. the replying unit. */
    public String text(String key, Object arg) {
        return Texts.get(key, arg);
    }

    public PublicThread getThread() { return thread; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
}
