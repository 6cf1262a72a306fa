package org.wenzheng.board.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
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
        ResponseWriter w = context.getResponseWriter();
        w.write("<select id=\"");
        Markup.attribute(w, name);
        w.write("\" name=\"");
        Markup.attribute(w, name);
        w.write("\">");
        option(w, "", (String) getAttributes().get("allLabel"), selected.isEmpty());
        for (SelectItem item : items == null ? List.<SelectItem>of() : items) {
            String itemValue = Objects.toString(item.getValue(), "");
            option(w, itemValue, item.getLabel(), itemValue.equals(selected));
        }
        w.write("</select>");
    }

    private static void option(ResponseWriter w, String value, String label, boolean selected) throws IOException {
        w.write("<option value=\"");
        Markup.attribute(w, value);
        w.write(selected ? "\" selected=\"selected\">" : "\">");
        Markup.text(w, label);
        w.write("</option>");
    }
}
