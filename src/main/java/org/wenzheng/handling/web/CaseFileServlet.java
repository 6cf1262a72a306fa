package org.wenzheng.handling.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.handling.HandlingService;
import org.wenzheng.handling.HandlingViews.FileContent;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Downloads of a case's files for signed-in staff (/office/handling/file?case=…&amp;file=…): under /office, so the
 * page session counts (the JSON API takes only tokens). The service decides who may read which case; a refusal or a
 * missing file is a plain 403/404, never a stack trace.
 */
@WebServlet("/office/handling/file")
public class CaseFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient HandlingService handling;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long caseId = number(request.getParameter("case"));
        Long fileId = number(request.getParameter("file"));
        FileContent f;
        try {
            f = handling.file(caseId, fileId);
        } catch (RuntimeException e) {
            response.sendError(PageErrors.isAccessDenied(e) || isForbidden(e) ? 403 : 404);
            return;
        }
        if (!Files.isRegularFile(f.path())) {
            response.sendError(404);
            return;
        }
        response.setContentType(f.contentType());
        response.setContentLengthLong(Files.size(f.path()));
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        Files.copy(f.path(), response.getOutputStream());
    }

    private static boolean isForbidden(RuntimeException e) {
        org.wenzheng.common.ActionRefused r = PageErrors.refusal(e);
        return r != null && r.kind() == org.wenzheng.common.ActionRefused.Kind.FORBIDDEN;
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
