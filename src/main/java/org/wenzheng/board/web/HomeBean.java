package org.wenzheng.board.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.board.BoardService;

import java.util.List;

/** The public home page: what the board shows first. */
@Named
@RequestScoped
public class HomeBean {

    @Inject
    BoardService board;

    @Inject
    MessageRows messageRows;

    private List<MessageRow> rows;

    /** The ten newest messages on the board, as the board lists them. */
    public List<MessageRow> getRows() {
        if (rows == null) {
            rows = messageRows.of(board.latest(0, 10));
        }
        return rows;
    }

    /** f:event preRenderView: the feed's autodiscovery link, as on the board. */
    public void addFeedLink() {
        BoardBean.addFeedLink(FacesContext.getCurrentInstance());
    }
}
