package org.wenzheng.common.web;

import jakarta.faces.application.Application;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ProjectStage;
import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ViewResource;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseStream;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.event.PhaseId;
import jakarta.faces.lifecycle.Lifecycle;
import jakarta.faces.render.RenderKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class KeptResourceHandlerTest {

    private final Finder finder = new Finder();
    private final KeptResourceHandler handler = new KeptResourceHandler(finder);

    @AfterEach
    void noContextLeft() {
        Context.clear();
    }

    @Test
    void inProductionAResourceIsLookedUpOnceAndTheSameObjectServedAfter() {
        Context.current(ProjectStage.Production);
        Resource first = handler.createResource("css/wz.css", "wz-theme");
        Resource second = handler.createResource("css/wz.css", "wz-theme");
        assertSame(first, second);
        assertEquals(List.of("css/wz.css|wz-theme"), finder.lookups);
    }

    @Test
    void theNameTheLibraryAndTheContentTypeEachMakeADifferentResource() {
        Context.current(ProjectStage.Production);
        Resource inLibrary = handler.createResource("logo.svg", "wz-theme");
        Resource noLibrary = handler.createResource("logo.svg");
        Resource typed = handler.createResource("logo.svg", "wz-theme", "image/svg+xml");
        Resource other = handler.createResource("logo.svg", "other");
        assertNotSame(inLibrary, noLibrary);
        assertNotSame(inLibrary, typed);
        assertNotSame(inLibrary, other);
        assertEquals(4, finder.lookups.size());
    }

    @Test
    void facesFilesOfTemplatesAndComponentsAreKeptToo() {
        Context.current(ProjectStage.Production);
        ViewResource first = handler.createViewResource(FacesContext.getCurrentInstance(), "/board/index.xhtml");
        assertSame(first, handler.createViewResource(FacesContext.getCurrentInstance(), "/board/index.xhtml"));
        assertEquals(List.of("view /board/index.xhtml"), finder.lookups);
    }

    @Test
    void inDevelopmentEveryLookupGoesToFacesSoEditedFilesShow() {
        Context.current(ProjectStage.Development);
        assertNotSame(handler.createResource("css/wz.css", "wz-theme"), handler.createResource("css/wz.css", "wz-theme"));
        assertEquals(2, finder.lookups.size());
    }

    @Test
    void aRequestForTheResourceItselfIsNeverServedAKeptObject() {
        Context.current(ProjectStage.Production);
        Resource rendered = handler.createResource("css/wz.css", "wz-theme");
        finder.resourceRequest = true;
        Resource served = handler.createResource("css/wz.css", "wz-theme");
        assertNotSame(rendered, served);
        finder.resourceRequest = false;
        assertSame(rendered, handler.createResource("css/wz.css", "wz-theme"));
    }

    @Test
    void aNameNotFoundIsAskedForAgain() {
        Context.current(ProjectStage.Production);
        assertNull(handler.createResource("missing.css", "wz-theme"));
        assertNull(handler.createResource("missing.css", "wz-theme"));
        assertEquals(2, finder.lookups.size());
    }

    /** Faces' own handler, reduced to counting lookups and answering a new object each time. */
    private static final class Finder extends ResourceHandler {
        final List<String> lookups = new ArrayList<>();
        boolean resourceRequest;

        @Override
        public Resource createResource(String resourceName) {
            return found(resourceName + "|");
        }

        @Override
        public Resource createResource(String resourceName, String libraryName) {
            return found(resourceName + "|" + libraryName);
        }

        @Override
        public Resource createResource(String resourceName, String libraryName, String contentType) {
            return found(resourceName + "|" + libraryName + "|" + contentType);
        }

        @Override
        public ViewResource createViewResource(FacesContext context, String resourceName) {
            lookups.add("view " + resourceName);
            return new ViewResource() {
                @Override
                public URL getURL() {
                    return null;
                }
            };
        }

        private Resource found(String key) {
            lookups.add(key);
            return key.startsWith("missing") ? null : new Found();
        }

        @Override
        public void handleResourceRequest(FacesContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isResourceRequest(FacesContext context) {
            return resourceRequest;
        }

        @Override
        public boolean libraryExists(String libraryName) {
            return true;
        }

        @Override
        public String getRendererTypeForResourceName(String resourceName) {
            return null;
        }
    }

    private static final class Found extends Resource {
        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public Map<String, String> getResponseHeaders() {
            return Map.of();
        }

        @Override
        public String getRequestPath() {
            return "/path";
        }

        @Override
        public URL getURL() {
            return null;
        }

        @Override
        public boolean userAgentNeedsUpdate(FacesContext context) {
            return false;
        }
    }

    /** The current Faces request, with only what the handler asks: the project stage. */
    private static final class Context extends FacesContext {
        private final ProjectStage stage;

        private Context(ProjectStage stage) {
            this.stage = stage;
        }

        @Override
        public boolean isProjectStage(ProjectStage asked) {
            return stage == asked;
        }

        @Override
        public PhaseId getCurrentPhaseId() {
            return PhaseId.RENDER_RESPONSE;
        }

        static void current(ProjectStage stage) {
            setCurrentInstance(new Context(stage));
        }

        static void clear() {
            setCurrentInstance(null);
        }

        @Override
        public Application getApplication() {
            throw new UnsupportedOperationException("the handler needs only the project stage");
        }

        @Override
        public Lifecycle getLifecycle() {
            return null;
        }

        @Override
        public Iterator<String> getClientIdsWithMessages() {
            return Collections.emptyIterator();
        }

        @Override
        public ExternalContext getExternalContext() {
            return null;
        }

        @Override
        public FacesMessage.Severity getMaximumSeverity() {
            return null;
        }

        @Override
        public Iterator<FacesMessage> getMessages() {
            return Collections.emptyIterator();
        }

        @Override
        public Iterator<FacesMessage> getMessages(String clientId) {
            return Collections.emptyIterator();
        }

        @Override
        public RenderKit getRenderKit() {
            return null;
        }

        @Override
        public boolean getRenderResponse() {
            return false;
        }

        @Override
        public boolean getResponseComplete() {
            return false;
        }

        @Override
        public ResponseStream getResponseStream() {
            return null;
        }

        @Override
        public void setResponseStream(ResponseStream responseStream) {
        }

        @Override
        public ResponseWriter getResponseWriter() {
            return null;
        }

        @Override
        public void setResponseWriter(ResponseWriter responseWriter) {
        }

        @Override
        public UIViewRoot getViewRoot() {
            return null;
        }

        @Override
        public void setViewRoot(UIViewRoot root) {
        }

        @Override
        public void addMessage(String clientId, FacesMessage message) {
        }

        @Override
        public void release() {
        }

        @Override
        public void renderResponse() {
        }

        @Override
        public void responseComplete() {
        }
    }
}
