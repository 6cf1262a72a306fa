package org.wenzheng.board.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;

import java.util.List;
import java.util.Objects;

/**
 * One menu of the board's filter form, {@code <w:filterMenu id="kind" value="#{…}" items="#{…}" allLabel="…"/>}: a
 * {@code <select>} whose name is its id, a first option "all" with an empty value, then the items, the one equal to
 * the value selected. The filter form is a plain GET form, read by the board from the URL: the menu is only ever
 * written, never decoded. An {@code h:selectOneMenu} here was an input the page built, converted and validated on
 * every search for nothing; written here it is a few lines of markup.
 */
@FacesComponent(value = FilterMenu.TYPE, createTag = true, tagName = "filterMenu", namespace = MarkupComponent.NAMESPACE)
public class FilterMenu extends MarkupComponent {

    static final String TYPE = "org.wenzheng.board.FilterMenu";

    @Override
    @SuppressWarnings("unchecked")
    protected void write(FacesContext context, StringBuilder w) {
        Object value = getAttributes().get("value");
        String selected = value == null ? "" : value.toString();
        List<SelectItem> items = (List<SelectItem>) getAttributes().get("items");
        String name = getClientId(context);
        w.append("<select id=\"");
        attribute(w, name);
        w.append("\" name=\"");
        attribute(w, name);
        w.append("\">");
        option(w, "", (String) getAttributes().get("allLabel"), selected.isEmpty());
        for (SelectItem item : items == null ? List.<SelectItem>of() : items) {
            String itemValue = Objects.toString(item.getValue(), "");
            option(w, itemValue, item.getLabel(), itemValue.equals(selected));
        }
        w.append("</select>");
    }

    private static void option(StringBuilder w, String value, String label, boolean selected) {
        w.append("<option value=\"");
        attribute(w, value);
        w.append(selected ? "\" selected=\"selected\">" : "\">");
        text(w, label);
        w.append("</option>");
    }
}
