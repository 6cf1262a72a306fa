package org.wenzheng.deadline.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.Texts;
import org.wenzheng.deadline.CalendarImport;
import org.wenzheng.deadline.CalendarYear;
import org.wenzheng.deadline.DayKind;
import org.wenzheng.deadline.OfficialDay;
import org.wenzheng.deadline.admin.ChangeResult;
import org.wenzheng.deadline.admin.DeadlineAdminService;
import org.wenzheng.common.ActionRefused;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;

/**
 * The administrator's working-day calendar (/office/admin/calendar.xhtml): a year's month grids, one day's exception
 * added, changed or removed, and a year imported from a CSV or iCalendar file after a preview.
 */
@Named
@ViewScoped
public class CalendarBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int SHOWN_CASES = 20;

    @Inject
    DeadlineAdminService service;

    @Inject
    LocaleBean localeBean;

    @Inject
    Clock clock;

    private Integer year;
    private CalendarYear view;

    private LocalDate dayDate;
    private DayKind dayKind = DayKind.HOLIDAY;
    private String dayName;

    private transient Part file;
    private String fileText;
    private String fileName;
    private CalendarImport preview;
    private ChangeResult result;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        if (year == null) {
            year = LocalDate.now(clock.withZone(SHANGHAI)).getYear();
        }
        try {
            view = service.year(year);
        } catch (ActionRefused e) {
            Texts.addMessage(null, FacesMessage.SEVERITY_ERROR, e.key(), e.args());
            year = LocalDate.now(clock.withZone(SHANGHAI)).getYear();
            view = service.year(year);
        } catch (RuntimeException e) {
            AdminPageErrors.opening(e);
        }
    }

    private void reload() {
        view = service.year(year);
    }

    public void edit(OfficialDay d) {
        dayDate = d.date();
        dayKind = d.kind();
        dayName = d.name();
    }

    public void saveDay() {
        try {
            result = service.saveDay(dayDate, dayKind, dayName);
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "calendar.day.saved", dayDate.toString());
            resultMessage();
            year = dayDate.getYear();
            dayDate = null;
            dayName = null;
            reload();
        } catch (RuntimeException e) {
            AdminPageErrors.action(e, "day:name");
        }
    }

    public void removeDay(LocalDate date) {
        try {
            result = service.removeDay(date);
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "calendar.day.removed", date.toString());
            resultMessage();
            reload();
        } catch (RuntimeException e) {
            AdminPageErrors.action(e, null);
        }
    }

    /** Reads the uploaded file and shows what importing it would change. */
    public void previewImport() {
        preview = null;
        result = null;
        if (file == null || file.getSize() == 0) {
            Texts.addMessage("import:file", FacesMessage.SEVERITY_ERROR, "calendar.error.fileEmpty");
            return;
        }
        if (file.getSize() > DeadlineAdminService.MAX_FILE_CHARS) {
            Texts.addMessage("import:file", FacesMessage.SEVERITY_ERROR, "calendar.error.fileTooLarge");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            fileText = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
            fileName = file.getSubmittedFileName();
        } catch (CharacterCodingException e) {
            Texts.addMessage("import:file", FacesMessage.SEVERITY_ERROR, "calendar.error.notUtf8");
            return;
        } catch (IOException e) {
            Texts.addMessage("import:file", FacesMessage.SEVERITY_ERROR, "calendar.error.fileEmpty");
            return;
        }
        try {
            preview = service.previewImport(year, fileText);
        } catch (RuntimeException e) {
            fileText = null;
            AdminPageErrors.action(e, "import:file");
        }
    }

    /** Imports the previewed file, unless the year changed since the preview. */
    public void confirmImport() {
        if (preview == null || fileText == null) {
            return;
        }
        try {
            result = service.importYear(preview.year(), fileText, preview.base());
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "calendar.import.done", result.year(),
                    result.added(), result.changed(), result.removed());
            resultMessage();
            cancelImport();
            reload();
        } catch (RuntimeException e) {
            AdminPageErrors.action(e, "import:file");
        }
    }

    public void cancelImport() {
        preview = null;
        fileText = null;
        fileName = null;
    }

    private void resultMessage() {
        Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "calendar.recomputed", result.openCases(),
                result.movedCases(), result.movedMessages());
    }

    public String monthName(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, localeBean.getLocale());
    }

    /** The first moved cases, linked from the result; the rest are in the audit trail. */
    public List<Long> getShownCaseIds() {
        List<Long> ids = result == null ? List.of() : result.movedCaseIds();
        return ids.subList(0, Math.min(ids.size(), SHOWN_CASES));
    }

    public List<Integer> getWeekdays() {
        return List.of(1, 2, 3, 4, 5, 6, 7);
    }

    public DayKind[] getKinds() {
        return DayKind.values();
    }

    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public CalendarYear getView() { return view; }
    public LocalDate getDayDate() { return dayDate; }
    public void setDayDate(LocalDate dayDate) { this.dayDate = dayDate; }
    public DayKind getDayKind() { return dayKind; }
    public void setDayKind(DayKind dayKind) { this.dayKind = dayKind; }
    public String getDayName() { return dayName; }
    public void setDayName(String dayName) { this.dayName = dayName; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public String getFileName() { return fileName; }
    public CalendarImport getPreview() { return preview; }
    public ChangeResult getResult() { return result; }
}
