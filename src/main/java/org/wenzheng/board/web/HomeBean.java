package org.wenzheng.board.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.board.BoardService;
import org.wenzheng.board.PublicMessage;

import java.util.List;

/** The public home page: what the board shows first. */
@Named
@RequestScoped
public class HomeBean {

    @Inject
    BoardService board;

    private List<PublicMessage> latest;

    public List<PublicMessage> getLatest() {
        if (latest == null) {
            latest = board.latest(0, 10);
        }
        return latest;
    }

    /** f:event preRenderView: the feed's autodiscovery link, as on the board. */
    public void addFeedLink() {
        BoardBean.addFeedLink(FacesContext.getCurrentInstance());
    }
}
