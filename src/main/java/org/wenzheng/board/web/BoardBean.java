package org.wenzheng.board.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.html.HtmlOutputText;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import org.wenzheng.board.BoardFilter;
import org.wenzheng.board.BoardPage;
import org.wenzheng.board.BoardService;
import org.wenzheng.board.FilterOption;
import org.wenzheng.board.MessageKind;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.Texts;

import jakarta.faces.model.SelectItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The board page (/board/index.xhtml). Every filter, the search text and the page number are URL parameters (GET),
 * so a filtered page can be bookmarked and the page works without JavaScript.
 */
@Named
@RequestScoped
public class BoardBean {

    @Inject
    BoardService board;

    @Inject
    LocaleBean locale;

    @Inject
    MessageRows messageRows;

    private BoardFilter filter;
    private BoardPage result;
    private List<MessageRow> rows;
    private List<SelectItem> topicItems;
    private List<SelectItem> unitItems;

    /**
     * preRenderView: reads the URL's parameters (bad values mean no filter) and the page of messages, once a request
     * (whichever asks first, this or an expression of the page).
     */
    public void load() {
        if (filter != null) {
            return;
        }
        FacesContext fc = FacesContext.getCurrentInstance();
        Map<String, String> p = fc.getExternalContext().getRequestParameterMap();
        filter = BoardFilter.parse(p.get("kind"), p.get("topic"), p.get("unit"), p.get("step"), p.get("q"),
                p.get("page"));
        result = board.list(filter, BoardService.DEFAULT_PAGE_SIZE);
        if (result.searchTooBroad()) {
            // A cancelled search says nothing lasting about the query: never store this page for other readers.
            ((HttpServletResponse) fc.getExternalContext().getResponse()).setHeader("Cache-Control", "no-store");
        }
    }

    /** f:event preRenderView: the feed's autodiscovery link, once the view is built (earlier it would be dropped). */
    public void addFeedLink() {
        addFeedLink(FacesContext.getCurrentInstance());
    }

    /**
     * Puts the feed's autodiscovery link into the head: the public template has no head slot for pages. The markup is
     * a constant apart from the context path, so it is written unescaped; without an id, so no <span> wraps it.
     */
    static void addFeedLink(FacesContext fc) {
        HtmlOutputText link = new HtmlOutputText();
        link.setEscape(false);
        link.setValue("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Atom\" href=\""
                + fc.getExternalContext().getRequestContextPath() + "/api/v1/board/feed.atom\"/>");
        fc.getViewRoot().addComponentResource(fc, link, "head");
    }

    public String pageUrl(int toPage) {
        load();
        String query = filter.queryString(toPage);
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/board/index.xhtml"
                + (query.isEmpty() ? "" : "?" + query);
    }

    /** A translated text with one argument, e.g. the page number. */
    public String text(String key, Object arg) {
        return Texts.get(key, arg);
    }

    public int getMaxPages() {
        return BoardFilter.MAX_PAGE + 1;
    }

    // The menus' items are made here, labels translated, so rendering a menu evaluates no expression per option.
    public List<SelectItem> getKindItems() {
        List<SelectItem> items = new ArrayList<>();
        for (MessageKind k : MessageKind.values()) {
            items.add(new SelectItem(k.name(), Texts.get("kind." + k.name())));
        }
        return items;
    }

    // Kept for the request: a menu may read its items more than once while rendering.
    public List<SelectItem> getTopicItems() {
        if (topicItems == null) {
            topicItems = items(board.categories());
        }
        return topicItems;
    }

    public List<SelectItem> getUnitItems() {
        if (unitItems == null) {
            unitItems = items(board.units());
        }
        return unitItems;
    }

    public List<SelectItem> getStepItems() {
        List<SelectItem> items = new ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            items.add(new SelectItem(String.valueOf(s), Texts.get("step." + s)));
        }
        return items;
    }

    private List<SelectItem> items(List<FilterOption> options) {
        Locale language = locale.getLocale();
        List<SelectItem> items = new ArrayList<>(options.size());
        for (FilterOption o : options) {
            items.add(new SelectItem(o.id().toString(), o.label(language)));
        }
        return items;
    }

    /** The page's messages as the list shows them, labels and dates ready. */
    public List<MessageRow> getRows() {
        if (rows == null) {
            rows = messageRows.of(getResult().items());
        }
        return rows;
    }

    public BoardFilter getFilter() {
        load();
        return filter;
    }

    public BoardPage getResult() {
        load();
        return result;
    }

    public boolean isFiltered() {
        return getFilter().hasFilters() || getFilter().isSearch();
    }

    public boolean isAtLastAllowedPage() {
        return getResult().page() == BoardFilter.MAX_PAGE;
    }

    // What the form shows: the filter as understood, so a malformed parameter does not linger in it.
    public String getKind() { return getFilter().kind() == null ? null : getFilter().kind().name(); }
    public String getTopic() { return asText(getFilter().categoryId()); }
    public String getUnit() { return asText(getFilter().unitId()); }
    public String getStep() { return asText(getFilter().step()); }
    public String getQ() { return getFilter().q(); }

    private static String asText(Object value) {
        return value == null ? null : value.toString();
    }
}
