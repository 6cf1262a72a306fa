package org.wenzheng.intake.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.wenzheng.intake.CategoryOption;
import org.wenzheng.intake.IntakeException;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.intake.QueueCounts;
import org.wenzheng.intake.QueueItem;
import org.wenzheng.intake.VersionedId;
import org.wenzheng.people.Role;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The intake queue: waiting messages oldest first in a paged, selectable table, the counts by kind and age, and the
 * bulk actions on a selection. The counts are read once per view and after each action; paging reuses their total
 * instead of counting again on every click.
 */
@Named
@ViewScoped
public class QueueBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IntakeService intake;

    @Inject
    transient SecurityContext security;

    private QueueCounts counts;
    private List<CategoryOption> categories;
    private final Model model = new Model();
    private List<QueueItem> selected = new ArrayList<>();
    private final ClassificationForm form = new ClassificationForm();
    private String reason;

    /** f:viewAction: only intake officers work the queue; the counts are read once here. */
    public void load() throws IOException {
        if (counts == null && IntakePages.allowed(security, Role.INTAKE)) {
            counts = intake.counts();
            categories = intake.categories();
        }
    }

    public void registerSelected() {
        try {
            int n = intake.registerMany(versions(), form.toClassification());
            IntakePages.doneAndKeep("intake.bulk.registered", n);
            selected = new ArrayList<>();
            counts = intake.counts();
        } catch (IntakeException e) {
            IntakePages.error(e);
        }
    }

    public void rejectSelected() {
        try {
            int n = intake.rejectMany(versions(), reason);
            IntakePages.doneAndKeep("intake.bulk.rejected", n);
            selected = new ArrayList<>();
            reason = null;
            counts = intake.counts();
        } catch (IntakeException e) {
            IntakePages.error(e);
        }
    }

    private List<VersionedId> versions() {
        return selected == null ? List.of()
                : selected.stream().map(q -> new VersionedId(q.id(), q.version())).toList();
    }

    /** Lazily loaded pages of the queue; rows are keyed by message id for the selection. */
    public class Model extends LazyDataModel<QueueItem> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, counts.total());
        }

        @Override
        public List<QueueItem> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                    Map<String, FilterMeta> filterBy) {
            return intake.queue(first, pageSize);
        }

        @Override
        public String getRowKey(QueueItem item) {
            return String.valueOf(item.id());
        }

        @Override
        public QueueItem getRowData(String rowKey) {
            List<QueueItem> page = getWrappedData();
            if (page != null) {
                for (QueueItem q : page) {
                    if (String.valueOf(q.id()).equals(rowKey)) {
                        return q;
                    }
                }
            }
            return null;
        }
    }

    public QueueCounts getCounts() { return counts; }
    public List<CategoryOption> getCategories() { return categories; }
    public Model getModel() { return model; }
    public List<QueueItem> getSelected() { return selected; }
    public void setSelected(List<QueueItem> selected) { this.selected = selected; }
    public ClassificationForm getForm() { return form; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
