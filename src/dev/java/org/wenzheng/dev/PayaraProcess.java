package org.wenzheng.dev;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts Payara Micro with the WAR at "/" in a child process, on a fresh root folder, with the database in env. */
final class PayaraProcess {

    private PayaraProcess() {
    }

    static Process start(Path microJar, Path war, int port, Path home, Map<String, String> env, List<String> jvmArgs,
                         boolean inheritOutput) throws IOException {
        // A fresh Payara root each time: a reused --rootdir redeploys the previous deployment on top of this one.
        Path root = home.resolve("payara");
        EmbeddedPostgres.deleteTree(root);
        Path tmp = home.resolve("tmp");
        Files.createDirectories(tmp);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.io.tmpdir=" + tmp.toAbsolutePath());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", microJar.toAbsolutePath().toString(),
                "--deploy", war.toAbsolutePath().toString(), "--contextroot", "/",
                "--port", String.valueOf(port), "--rootdir", root.toAbsolutePath().toString(), "--nocluster"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (inheritOutput) {
            pb.inheritIO();
        } else {
            pb.redirectErrorStream(true).redirectOutput(home.resolve("payara.log").toFile());
        }
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Waits until /health/ready answers 200, or fails with the reason. */
    static void awaitReady(int port, Process payara, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!payara.isAlive()) {
                throw new EmbeddedPostgres.StartupException("Payara Micro stopped while starting; see its log.");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new EmbeddedPostgres.StartupException("Payara Micro was not ready within " + timeout.toSeconds() + " s.");
    }
}
