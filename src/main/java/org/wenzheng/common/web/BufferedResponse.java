package org.wenzheng.common.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A response whose body is kept in memory instead of sent, and whose headers are noted as they are set (and still
 * passed on), so that {@link PublicPageCacheFilter} can store the page and replay it.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 * 1024);
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private int status = SC_OK;
    private boolean setCookie;
    private ServletOutputStream stream;
    private PrintWriter writer;

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return buffer.toByteArray();
    }

    int status() {
        return status;
    }

    boolean setCookie() {
        return setCookie;
    }

    List<Map.Entry<String, String>> headers() {
        return List.copyOf(headers);
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
        status = sc;
        super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        status = sc;
        super.sendError(sc, msg);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        status = SC_FOUND;
        super.sendRedirect(location);
    }

    @Override
    public void addCookie(jakarta.servlet.http.Cookie cookie) {
        setCookie = true;
        super.addCookie(cookie);
    }

    @Override
    public void setHeader(String name, String value) {
        note(name, value, true);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        note(name, value, false);
        super.addHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, String.valueOf(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, String.valueOf(value));
    }

    private void note(String name, String value, boolean replace) {
        if ("Set-Cookie".equalsIgnoreCase(name)) {
            setCookie = true;
        }
        if ("Content-Length".equalsIgnoreCase(name) || "Content-Type".equalsIgnoreCase(name)) {
            return;
        }
        if (replace) {
            headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
        }
        if (value != null) {
            headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was already called");
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    // Writes go to memory and never block: the stream is ready at once and stays ready.
                    try {
                        listener.onWritePossible();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() was already called");
        }
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(buffer, charset));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void resetBuffer() {
        buffer.reset();
    }

    @Override
    public void reset() {
        buffer.reset();
        headers.clear();
        status = SC_OK;
        super.reset();
    }

    @Override
    public void setContentLength(int len) {
        // The length is set from the buffer when the body is written.
    }

    @Override
    public void setContentLengthLong(long len) {
        // As above.
    }
}
