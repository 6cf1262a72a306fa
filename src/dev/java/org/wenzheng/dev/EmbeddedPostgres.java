package org.wenzheng.dev;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server, unpacked from the zonky binaries jar on the class path, for the run command and the
 * tests. PostgreSQL refuses to run as root, so as root it runs either in a fresh user namespace ({@code unshare -U},
 * where the kernel allows it) or as the unprivileged {@code nobody} user ({@code runuser}); as anyone else it runs
 * directly.
 *
 * <p>The database is created with UTF-8 and the ICU collation {@code zh} (Chinese sorts by pinyin); the
 * character-type locale is {@code C.UTF-8}. Search does not depend on it: text is segmented in Java.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private final Path home;
    private final Path dataDir;
    private final int port;
    private final Mode mode;
    private Path binDir;
    private boolean started;

    /** How the server processes are started. */
    enum Mode { DIRECT, USER_NAMESPACE, AS_NOBODY }

    /**
     * @param home a folder for the binaries and the data; with {@code AS_NOBODY} every folder above it must be
     *             searchable by others (not under a 0700 home), which {@link #start()} checks and explains.
     */
    public EmbeddedPostgres(Path home, int port) {
        this.home = home.toAbsolutePath().normalize();
        this.dataDir = this.home.resolve("pgdata");
        this.port = port;
        this.mode = chooseMode();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Unpacks the binaries if needed, creates the cluster on first use, and starts the server. */
    public EmbeddedPostgres start() throws IOException, InterruptedException {
        if (!isPortFree(port)) {
            throw new StartupException("Port " + port + " is already in use, so the embedded PostgreSQL cannot start."
                    + " Stop whatever uses it, or choose another port with WZ_DB_PORT=<port>.");
        }
        Files.createDirectories(home);
        binDir = unpackBinaries();
        if (mode == Mode.AS_NOBODY) {
            prepareForNobody();
        }
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            initdb();
        }
        Path log = home.resolve("postgres.log");
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories=''"
                        + " -c fsync=" + (Boolean.getBoolean("wz.pg.fsync") ? "on" : "off"),
                "start"), "start PostgreSQL (its log: " + log + ")");
        started = true;
        return this;
    }

    /** Throws away the data folder (before {@link #start()}): the tests begin from an empty cluster. */
    public EmbeddedPostgres wipeData() throws IOException {
        deleteTree(dataDir);
        return this;
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabaseIfMissing(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "") + "'");
            if (!rs.next()) {
                s.execute("create database \"" + name.replace("\"", "") + "\" template template0 encoding 'UTF8'"
                        + " locale_provider icu icu_locale 'zh' locale 'C.UTF-8'");
            }
        }
    }

    /** Drops and re-creates the database: the tests start from nothing. */
    public void recreateDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + name.replace("\"", "") + "\" with (force)");
        }
        createDatabaseIfMissing(name);
    }

    @Override
    public void close() {
        if (!started) {
            return;
        }
        try {
            run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"),
                    "stop PostgreSQL");
        } catch (IOException | InterruptedException | StartupException e) {
            System.err.println("Could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
        }
        started = false;
    }

    private void initdb() throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        if (mode == Mode.AS_NOBODY) {
            chownToNobody(dataDir);
        }
        List<String> cmd = new ArrayList<>(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(),
                "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale-provider=icu", "--icu-locale=zh",
                "--locale=C.UTF-8"));
        run(cmd, "create the database cluster in " + dataDir);
    }

    private void run(List<String> command, String what) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        switch (mode) {
            case USER_NAMESPACE -> full.addAll(List.of("unshare", "-U"));
            case AS_NOBODY -> full.addAll(List.of("runuser", "-u", "nobody", "--"));
            case DIRECT -> { }
        }
        full.addAll(command);
        Path out = Files.createTempFile(home, "pg-", ".out");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new StartupException("Timed out trying to " + what + ".");
            }
            if (p.exitValue() != 0) {
                String output = Files.readString(out, StandardCharsets.UTF_8).strip();
                String last = output.lines().reduce((a, b) -> b).orElse("");
                throw new StartupException("Could not " + what + " (mode " + mode + "): " + last);
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Unpacks the binaries once per binaries version into {@code home/bin-<name>}. */
    private Path unpackBinaries() throws IOException {
        String resource = binariesResource();
        Path target = home.resolve("pg-" + resource.replace(".txz", ""));
        Path marker = target.resolve(".complete");
        if (Files.exists(marker)) {
            return target.resolve("bin");
        }
        deleteTree(target);
        Files.createDirectories(target);
        try (InputStream raw = EmbeddedPostgres.class.getResourceAsStream("/" + resource)) {
            if (raw == null) {
                throw new StartupException("No PostgreSQL binaries for this platform (" + System.getProperty("os.name")
                        + " " + System.getProperty("os.arch") + ") on the class path: set DB_URL to an existing"
                        + " PostgreSQL instead.");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path dest = target.resolve(entry.getName()).normalize();
                    if (!dest.startsWith(target)) {
                        throw new IOException("Unsafe path in PostgreSQL archive: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(dest);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(dest.getParent());
                        Files.deleteIfExists(dest);
                        Files.createSymbolicLink(dest, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(dest.getParent());
                        Files.copy(tar, dest);
                        if ((entry.getMode() & 0100) != 0) {
                            Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rwxr-xr-x"));
                        }
                    }
                }
            }
        }
        Files.createFile(marker);
        return target.resolve("bin");
    }

    private static String binariesResource() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String a = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        String o = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        return "postgres-" + o + "-" + a + ".txz";
    }

    /** nobody must reach the binaries and own the data folder; every folder above must be searchable. */
    private void prepareForNobody() throws IOException, InterruptedException {
        for (Path p = home; p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new StartupException("Running as root without user namespaces, PostgreSQL runs as 'nobody', who"
                        + " cannot enter " + p + ". Give that folder o+x (chmod o+x " + p + "), run as a normal user,"
                        + " or set DB_URL to an existing PostgreSQL.");
            }
        }
        chownToNobody(home);
    }

    private static void chownToNobody(Path p) throws IOException, InterruptedException {
        Process chown = new ProcessBuilder("chown", "-R", "nobody", p.toString()).inheritIO().start();
        if (chown.waitFor() != 0) {
            throw new StartupException("Could not hand " + p + " to the user nobody (chown failed).");
        }
    }

    private static Mode chooseMode() {
        if (!"root".equals(System.getProperty("user.name")) && !isUidZero()) {
            return Mode.DIRECT;
        }
        String forced = System.getenv("WZ_PG_ROOT_MODE");
        if ("nobody".equalsIgnoreCase(forced)) {
            return Mode.AS_NOBODY;
        }
        try {
            Process p = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Mode.USER_NAMESPACE;
            }
        } catch (IOException | InterruptedException e) {
            // no unshare on this machine: fall through
        }
        return Mode.AS_NOBODY;
    }

    private static boolean isUidZero() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && "0".equals(out);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static boolean isPortFree(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 300);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    /** A start-up failure whose message is one line that says what is wrong and what to do. */
    public static final class StartupException extends RuntimeException {
        public StartupException(String message) {
            super(message);
        }
    }
}
