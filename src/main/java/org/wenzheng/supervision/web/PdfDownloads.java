package org.wenzheng.supervision.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.supervision.BulletinService;
import org.wenzheng.supervision.PublicBulletins;
import org.wenzheng.supervision.SupervisionService;

import java.io.IOException;

/**
 * PDF downloads for the pages: the API takes no browser session, so signed-in staff download notices and bulletin
 * drafts here (under /office/, behind the sign-in), and everyone downloads published bulletins. The services check
 * the object (a notice: supervisors, leaders and its unit's liaisons only).
 */
@WebServlet(urlPatterns = {PdfDownloads.NOTICE, PdfDownloads.BULLETIN, PdfDownloads.PUBLIC_BULLETIN})
public class PdfDownloads extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public static final String NOTICE = "/office/supervision/notice.pdf";
    public static final String BULLETIN = "/office/supervision/bulletin.pdf";
    public static final String PUBLIC_BULLETIN = "/bulletins/bulletin.pdf";

    @Inject
    SupervisionService supervision;

    @Inject
    BulletinService bulletins;

    @Inject
    PublicBulletins publicBulletins;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id = id(request.getParameter("id"));
        if (id == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf;
        String name;
        try {
            switch (request.getServletPath()) {
                case NOTICE -> {
                    pdf = supervision.noticePdf(id);
                    name = "notice-" + id + ".pdf";
                }
                case BULLETIN -> {
                    pdf = bulletins.pdf(id);
                    name = "bulletin-" + id + ".pdf";
                }
                default -> {
                    pdf = publicBulletins.pdf(id);
                    name = "bulletin-" + id + ".pdf";
                }
            }
        } catch (ActionRefused e) {
            response.sendError(e.kind() == ActionRefused.Kind.NOT_FOUND ? HttpServletResponse.SC_NOT_FOUND
                    : HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (RuntimeException e) {
            if (PageErrors.isAccessDenied(e)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            throw e;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", PUBLIC_BULLETIN.equals(request.getServletPath())
                ? "public, max-age=300" : "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    private static Long id(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
