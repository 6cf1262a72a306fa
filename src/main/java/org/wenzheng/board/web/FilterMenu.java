package org.wenzheng.board.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One menu of the board's filter form, {@code <w:filterMenu id="kind" value="#{…}" items="#{…}" allLabel="…"/>}: a
 * {@code <select>} whose name is its id, a first option "all" with an empty value, then the items, the one equal to
 * the value selected. The filter form is a plain GET form, read by the board from the URL: the menu is only ever
 * written, never decoded. An {@code h:selectOneMenu} here was an input the page built, converted and validated on every
 * search for nothing; written here it is a few lines of markup. Labels and values are escaped by {@link Markup}.
 */
@FacesComponent(value = FilterMenu.TYPE, createTag = true, tagName = "filterMenu", namespace = MessageList.NAMESPACE)
public class FilterMenu extends UIComponentBase {

    static final String TYPE = "org.wenzheng.board.FilterMenu";

    @Override
    public String getFamily() {
        return "org.wenzheng";
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    @Override
    public void encodeChildren(FacesContext context) {
        // None: the options are the content.
    }

    @Override
    @SuppressWarnings("unchecked")
    public void encodeBegin(FacesContext context) throws IOException {
        Object value = getAttributes().get("value");
        String selected = value == null ? "" : value.toString();
        List<SelectItem> items = (List<SelectItem>) getAttributes().get("items");
        String name = getClientId(context);
        StringBuilder w = new StringBuilder(2048);
        w.append("<select id=\"");
        Markup.attribute(w, name);
        w.append("\" name=\"");
        Markup.attribute(w, name);
        w.append("\">");
        option(w, "", (String) getAttributes().get("allLabel"), selected.isEmpty());
        for (SelectItem item : items == null ? List.<SelectItem>of() : items) {
            String itemValue = Objects.toString(item.getValue(), "");
            option(w, itemValue, item.getLabel(), itemValue.equals(selected));
        }
        w.append("</select>");
        // One write: the markup is made here, escaped, and handed to the response at once.
        context.getResponseWriter().write(w.toString());
    }

    private static void option(StringBuilder w, String value, String label, boolean selected) {
        w.append("<option value=\"");
        Markup.attribute(w, value);
        w.append(selected ? "\" selected=\"selected\">" : "\">");
        Markup.text(w, label);
        w.append("</option>");
    }
}
