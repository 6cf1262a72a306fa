package org.wenzheng.supervision.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.supervision.SupervisionService;
import org.wenzheng.supervision.SupervisionViews.NoticeView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The notices of a case for the case page's section (composite wz:caseNotices); read once per request. */
@Named
@RequestScoped
public class CaseNoticesBean {

    @Inject
    SupervisionService supervision;

    private final Map<Long, List<NoticeView>> byCase = new HashMap<>();

    /** The case's notices; none if the case cannot be read by the caller (the case page says why). */
    public List<NoticeView> of(Long caseId) {
        if (caseId == null) {
            return List.of();
        }
        return byCase.computeIfAbsent(caseId, id -> {
            try {
                return supervision.noticesOfCase(id);
            } catch (RuntimeException e) {
                if (PageErrors.isAccessDenied(e) || e instanceof org.wenzheng.common.ActionRefused) {
                    return List.of();
                }
                throw e;
            }
        });
    }
}
