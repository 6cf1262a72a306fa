package org.wenzheng.supervision.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.deadline.DeadlineState;
import org.wenzheng.intake.Severity;
import org.wenzheng.supervision.SupervisionService;
import org.wenzheng.supervision.SupervisionViews.BoardPage;
import org.wenzheng.supervision.SupervisionViews.BoardRow;
import org.wenzheng.supervision.SupervisionViews.Filter;
import org.wenzheng.supervision.SupervisionViews.NoticeView;
import org.wenzheng.supervision.SupervisionViews.Option;
import org.wenzheng.supervision.SupervisionViews.StateCounts;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The supervisor's board (leaders may read it): open cases by deadline state, filters, notices. */
@Named
@ViewScoped
public class SupervisionBoardBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SupervisionService supervision;

    @Inject
    LocaleBean locale;

    private Long unitId;
    private Severity severity;
    private Long batchId;
    private DeadlineState state;
    private StateCounts counts;
    private List<Option> units;
    private List<Option> batches;
    private final Model model = new Model();

    public void load() {
        if (PageErrors.isPostback()) {
            return;
        }
        try {
            counts = supervision.counts(filter());
            units = supervision.unitOptions(locale.isEnglish());
            batches = supervision.batchOptions();
        } catch (RuntimeException e) {
            PageErrors.opening(e);
        }
    }

    /** Applies the filters (the table reloads from its first page). */
    public void apply() {
        counts = supervision.counts(filter());
    }

    /** A state's count, clicked: filter by it (null for all). */
    public void showState(DeadlineState s) {
        state = s;
        apply();
    }

    public void issueForCase(Long caseId) {
        try {
            NoticeView n = supervision.issueForCase(caseId);
            PageErrors.info("supervision.notice.issued", n.number(), n.unitName());
        } catch (RuntimeException e) {
            PageErrors.action(e, null, "supervision.error.forbidden");
        }
        apply();
    }

    public void issueForUnit() {
        try {
            List<NoticeView> issued = supervision.issueForUnit(unitId);
            PageErrors.info("supervision.notice.issuedMany", String.valueOf(issued.size()), issued.get(0).unitName());
        } catch (RuntimeException e) {
            PageErrors.action(e, null, "supervision.error.forbidden");
        }
        apply();
    }

    private Filter filter() {
        return new Filter(unitId, severity, batchId, state);
    }

    /** Pages of the board straight from the service, oldest due first. */
    public class Model extends LazyDataModel<BoardRow> {

        private static final long serialVersionUID = 1L;
        private long total;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, counts == null ? 0 : counts.of(state));
        }

        @Override
        public List<BoardRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                   Map<String, FilterMeta> filterBy) {
            BoardPage page = supervision.board(filter(), first, pageSize);
            counts = page.counts();
            total = page.total();
            setRowCount((int) Math.min(Integer.MAX_VALUE, total));
            return page.rows();
        }

        @Override
        public String getRowKey(BoardRow row) {
            return String.valueOf(row.caseId());
        }

        @Override
        public BoardRow getRowData(String rowKey) {
            List<BoardRow> rows = getWrappedData();
            return rows == null ? null
                    : rows.stream().filter(r -> String.valueOf(r.caseId()).equals(rowKey)).findFirst().orElse(null);
        }
    }

    public List<DeadlineState> getStates() { return List.of(DeadlineState.values()); }
    public List<Severity> getSeverities() { return List.of(Severity.values()); }
    public Model getModel() { return model; }
    public StateCounts getCounts() { return counts; }
    public List<Option> getUnits() { return units; }
    public List<Option> getBatches() { return batches; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Severity getSeverity() { return severity; }
    public void setSeverity(Severity severity) { this.severity = severity; }
    public Long getBatchId() { return batchId; }
    public void setBatchId(Long batchId) { this.batchId = batchId; }
    public DeadlineState getState() { return state; }
    public void setState(DeadlineState state) { this.state = state; }
}
