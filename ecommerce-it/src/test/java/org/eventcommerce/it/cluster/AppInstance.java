package org.eventcommerce.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One Payara Micro process running the built WAR, started by a test outside Arquillian, so that the test can run
 * several at once, stop one gracefully, kill one hard ({@code kill -9}) and start it again on the same port.
 *
 * <p>The command is the one Arquillian uses ({@code java -jar target/payara-micro.jar --deploy target/ecommerce.war
 * --port N …}, see the failsafe output) with the WAR at {@code /}. The process inherits the test JVM's environment,
 * where {@code ecommerce-it/pom.xml} puts every {@code ECOMMERCE_*} variable of the ITs (database, emulator
 * endpoints, SMTP, {@code ECOMMERCE_DATA_DIR}); {@link Builder#env} overrides what differs per instance. Left as
 * inherited, the data folder is the one the Arquillian-started server uses ({@code target/it-data}: the same secret
 * key file, and on H2 the same database file). Each instance has its own folder {@code target/instances/<name>/}
 * with {@code tmp/} (the JVM's and Payara's temporary files, emptied at each start: stack-notes trap 11) and
 * {@code payara.log}, the process's standard output and error: emptied when this object first starts it, then
 * appended to across restarts, each start beginning with a line {@code ===== AppInstance start N of …} that gives
 * the command.
 *
 * <p>Beside the Arquillian-started server: that one server serves every Arquillian IT class of the run and stays up
 * while the instances run ({@code SharedDeploymentContainer}). It listens on its HTTP port (8080 to 9079, Payara's
 * random port) and on Payara Micro's data grid port 6900, which Payara Micro takes even with {@code --nocluster};
 * an instance takes free ephemeral ports ({@link #freePort()}) for HTTP and, with {@link Builder#dataGrid}, for its
 * data grid, so no port clashes. A {@code --nocluster} instance's data grid starts at 6900 too and moves to the next
 * free port (its log warns "Some of the ports seem occupied!"), alone ("DG Size: 1"): it joins nobody, as the
 * Arquillian server joins nobody. The tests that start instances give them their own database and data folder, and
 * that server's reconciler timer is off (ecommerce-it/pom.xml), so it sends nothing to the emulator meanwhile.
 *
 * <p>Without {@link Builder#dataGrid} the instance runs with {@code --nocluster}. With it, it joins a Payara data
 * grid (Hazelcast) found over TCP on loopback ({@code --clustermode tcpip:127.0.0.1:P1,127.0.0.1:P2},
 * {@code --interfaces 127.0.0.1}, {@code --hzpublicaddress 127.0.0.1}, and the JVM option
 * {@code -Dhazelcast.socket.bind.any=false}, without which the data grid port listens on every interface) and with
 * {@code --nohostaware}: Hazelcast otherwise keeps no backup on a member with the same IP address, so on one machine
 * the loss of an instance would lose the sessions it owned.
 *
 * <p>Usage:
 * <pre>{@code
 * AppInstance a = AppInstance.builder("a").port(AppInstance.freePort()).env("ECOMMERCE_SECRET_KEY", key).build();
 * a.start().awaitServing();
 * a.kill();                      // SIGKILL, as kill -9
 * a.restart().awaitServing();    // same port, same data folder
 * a.stop();                      // SIGTERM, then SIGKILL after a grace period
 * }</pre>
 * Not thread-safe: one test thread drives an instance. A process still running when the test JVM ends is killed.
 */
public final class AppInstance implements AutoCloseable {

    /** How long {@link #awaitServing()} waits by default (Arquillian's {@code startupTimeoutInSeconds}). */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);

    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final String START_MARK = "===== AppInstance start ";
    private static final Pattern GRID_SIZE = Pattern.compile("DG Size: (\\d+)");

    private final String name;
    private final int port;
    private final Map<String, String> env;
    private final List<String> gridArgs;
    private final String heap;
    private final String readinessPath;
    private final Path payaraJar;
    private final Path war;
    private final Path home;
    private final HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    private Process process;
    private int starts;

    private AppInstance(Builder b) {
        this.name = b.name;
        this.port = b.port;
        this.env = Map.copyOf(b.env);
        this.gridArgs = List.copyOf(b.gridArgs);
        this.heap = b.heap;
        this.readinessPath = b.readinessPath;
        this.payaraJar = b.target.resolve("payara-micro.jar").toAbsolutePath();
        this.war = b.target.resolve("ecommerce.war").toAbsolutePath();
        this.home = b.target.resolve("instances").resolve(name).toAbsolutePath();
    }

    /** A builder for the instance {@code name} (letters, digits and dashes: it names the folder and the member). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A TCP port free on loopback right now (for an HTTP port or a data grid port). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Launches the process and returns at once; {@link #awaitServing()} waits until it serves.
     *
     * @throws IllegalStateException when this instance's process is still running
     */
    public AppInstance start() {
        if (isAlive()) {
            throw new IllegalStateException("Instance " + name + " is already running (pid " + pid() + ")");
        }
        try {
            Path tmp = home.resolve("tmp");
            deleteTree(tmp);
            Files.createDirectories(tmp);
            if (starts == 0) {
                Files.deleteIfExists(log());
            }
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx" + heap, "-Djava.io.tmpdir=" + tmp));
            if (!gridArgs.isEmpty()) {
                // Hazelcast binds every interface unless told to keep to the one --interfaces chose.
                cmd.add("-Dhazelcast.socket.bind.any=false");
            }
            cmd.addAll(List.of("-jar", payaraJar.toString(), "--deploy", war.toString(), "--contextroot", "/",
                    "--port", Integer.toString(port), "--name", name, "--disablephonehome"));
            cmd.addAll(gridArgs.isEmpty() ? List.of("--nocluster") : gridArgs);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            pb.environment().put("TMPDIR", tmp.toString());
            // The test JVM's own settings for the Arquillian server (the second demo site) are not this instance's.
            pb.environment().remove("ECOMMERCE_DEMO_SECOND_SITE");
            pb.environment().putAll(env);
            starts++;
            Files.writeString(log(), "%n%s%d of instance %s at %s on port %d: %s%n".formatted(START_MARK, starts,
                    name, Instant.now(), port, String.join(" ", cmd)), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = pb.start();
            if (starts == 1) {
                // A test JVM that ends (or is killed by a timeout) takes its instances with it.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    if (isAlive()) {
                        process.destroyForcibly();
                    }
                }, "stop-" + name));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start instance " + name, e);
        }
    }

    /** {@link #awaitServing(Duration)} with {@link #STARTUP_TIMEOUT}. */
    public AppInstance awaitServing() {
        return awaitServing(STARTUP_TIMEOUT);
    }

    /**
     * Waits until {@code GET <base><readiness path>} answers 200 (Payara prints "ready" even when the deployment
     * failed: stack-notes trap 6).
     *
     * @throws IllegalStateException when the process ends first or {@code timeout} passes, with the log's last lines
     */
    public AppInstance awaitServing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI probeUri = base().resolve(readinessPath);
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException("Instance " + name + " ended (exit " + exitCode()
                        + ") before serving; log " + log() + ":\n" + logTail(60));
            }
            try {
                HttpResponse<Void> r = probe.send(HttpRequest.newBuilder(probeUri).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Instance " + name + " did not serve " + probeUri + " within " + timeout
                + "; log " + log() + ":\n" + logTail(60));
    }

    /**
     * Waits until this instance's latest data grid report (Payara logs one whenever a member joins or leaves) counts
     * {@code members} members. Only for instances built with {@link Builder#dataGrid}.
     *
     * @throws IllegalStateException when {@code timeout} passes first
     */
    public AppInstance awaitDataGridSize(int members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            seen = dataGridSize();
            if (seen == members) {
                return this;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Instance " + name + " reports a data grid of " + seen + " member(s), not "
                + members + ", after " + timeout);
    }

    /** The member count of this start's latest data grid report in the log, or -1 before the first. */
    public int dataGridSize() {
        Matcher m = GRID_SIZE.matcher(logSinceLastStart());
        int size = -1;
        while (m.find()) {
            size = Integer.parseInt(m.group(1));
        }
        return size;
    }

    /**
     * Stops the instance gracefully: SIGTERM (Payara's shutdown hook undeploys and leaves the data grid), and SIGKILL
     * if it is still running after 60 seconds; then deletes its temporary files (Payara's unpacked runtime, about
     * 100 MB). Nothing happens when it is not running.
     */
    public void stop() {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        try {
            deleteTree(home.resolve("tmp"));
        } catch (IOException e) {
            // left for the next start, which empties the folder anyway
        }
    }

    /**
     * Kills the instance hard, as {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL, so nothing of
     * the application runs any more (no shutdown hook, no transaction finishes, no session is written out). Returns
     * once the process is gone. Nothing happens when it is not running.
     */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Instance " + name + " (pid " + pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the instance again on the same port with the same data folder, after {@link #stop()} or
     * {@link #kill()}; returns at once, like {@link #start()}.
     */
    public AppInstance restart() {
        stop();
        return start();
    }

    /** Stops the instance ({@link #stop()}). */
    @Override
    public void close() {
        stop();
    }

    /** Whether the process is running. */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The operating system's process id of the current (or last) process. @throws IllegalStateException before start */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("Instance " + name + " was never started");
        }
        return process.pid();
    }

    private String exitCode() {
        return process.isAlive() ? "none yet" : Integer.toString(process.exitValue());
    }

    /** The instance's name (also its data grid member name). */
    public String name() {
        return name;
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>/}, where the WAR is deployed. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** This instance's folder, {@code target/instances/<name>/} (absolute). */
    public Path home() {
        return home;
    }

    /** The log file: standard output and error of every start, each start marked by a line. */
    public Path log() {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return home.resolve("payara.log");
    }

    /** The whole log (every start). */
    public String logText() {
        try {
            return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log of the current (or last) start only. */
    public String logSinceLastStart() {
        String all = logText();
        int at = all.lastIndexOf(START_MARK);
        return at < 0 ? all : all.substring(at);
    }

    /** The last {@code lines} lines of the log. */
    public String logTail(int lines) {
        List<String> all = logText().lines().toList();
        return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
    }

    /** Whether a connection to the HTTP port is refused (nothing listens: the instance is down). */
    public boolean refusesConnections() {
        try {
            probe.send(HttpRequest.newBuilder(base()).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "instance " + name + " on port " + port;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Settings of one instance; only the port is required. */
    public static final class Builder {

        private final String name;
        private int port;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> gridArgs = new ArrayList<>();
        private String heap = "768m";
        private String readinessPath = "login.xhtml";
        private Path target = Path.of("target");

        private Builder(String name) {
            if (!name.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("Instance name: letters, digits and dashes, not " + name);
            }
            this.name = name;
        }

        /** The HTTP port ({@link AppInstance#freePort()} finds one). Required. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * An environment variable for this instance, over the inherited ones (for example
         * {@code ECOMMERCE_DB_URL}, {@code ECOMMERCE_SECRET_KEY}, {@code ECOMMERCE_PUBLIC_URL},
         * {@code ECOMMERCE_DATA_DIR}).
         */
        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /**
         * Joins the data grid {@code cluster} on loopback: this member listens on {@code ownPort} and looks for the
         * others at {@code memberPorts} (every member's port, its own included).
         */
        public Builder dataGrid(String cluster, int ownPort, List<Integer> memberPorts) {
            gridArgs.clear();
            gridArgs.addAll(List.of("--clustername", cluster,
                    "--clustermode", "tcpip:" + memberPorts.stream().map(p -> "127.0.0.1:" + p)
                            .collect(Collectors.joining(",")),
                    "--startport", Integer.toString(ownPort), "--interfaces", "127.0.0.1",
                    "--hzpublicaddress", "127.0.0.1", "--nohostaware"));
            return this;
        }

        /** The maximum heap, as for {@code -Xmx} (default {@code 768m}, as arquillian.xml). */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** The page that must answer 200 before the instance counts as serving (default {@code login.xhtml}). */
        public Builder readinessPath(String path) {
            this.readinessPath = path;
            return this;
        }

        /** The folder holding {@code payara-micro.jar} and {@code ecommerce.war} (default {@code target}). */
        public Builder target(Path target) {
            this.target = target;
            return this;
        }

        /** The instance, not started. @throws IllegalStateException without a port */
        public AppInstance build() {
            if (port <= 0) {
                throw new IllegalStateException("Instance " + name + " needs a port");
            }
            return new AppInstance(this);
        }
    }
}
