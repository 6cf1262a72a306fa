package org.wenzheng.board.posting.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.board.posting.ChannelTokenService;
import org.wenzheng.board.posting.ChannelTokenService.ChannelTokenView;
import org.wenzheng.board.posting.ChannelTokenService.Issued;
import org.wenzheng.people.web.AdminPages;

import java.io.Serializable;
import java.util.List;

/**
 * The administrator's channel tokens (12345 hotline, mini-program): issue one for a channel, with the secret shown
 * once right after; list them with their last use; revoke. Rotating a channel's token is issuing a new one for the
 * same name, handing it over, then revoking the old.
 */
@Named
@ViewScoped
public class ChannelsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ChannelTokenService channels;

    private List<ChannelTokenView> list;
    private String name;
    /** The token just issued and its channel; shown once, then forgotten. */
    private Issued issued;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            list = channels.list();
        } catch (RuntimeException e) {
            AdminPages.opening(e);
        }
    }

    public void issue() {
        issued = null;
        try {
            issued = channels.issue(name);
            AdminPages.info("admin.channel.issued", issued.name());
            name = null;
        } catch (RuntimeException e) {
            AdminPages.action(e, "channel:name");
        }
        list = channels.list();
    }

    public void revoke(Long id) {
        issued = null;
        try {
            channels.revoke(id);
            AdminPages.info("admin.channel.revoked");
        } catch (RuntimeException e) {
            AdminPages.action(e, null);
        }
        list = channels.list();
    }

    public List<ChannelTokenView> getList() { return list == null ? List.of() : list; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Issued getIssued() { return issued; }
}
