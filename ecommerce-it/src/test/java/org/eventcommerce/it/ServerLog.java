package org.eventcommerce.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The log file of the Payara Micro that Arquillian started, {@code target/payara-server-0.log} (relative to
 * ecommerce-it; payara-logging.properties: the application at FINE, the file started afresh at each boot).
 *
 * <p>Why offsets: one server serves every IT class of a failsafe run ({@code SharedDeploymentContainer}), so the
 * file holds the boot and then every class's requests in turn. A class that asks "what did the server log for my
 * flows" takes a {@link #mark()} when it starts and reads {@link #since(Mark)} that mark, and {@link #boot()} is the
 * server's start-up (up to the end of its deployment), which belongs to no class. A reader never sees other classes'
 * lines as its own, and a line it waits for cannot be one an earlier class caused.
 */
public final class ServerLog {

    /** The file (relative to the directory the tests run in, ecommerce-it). */
    public static final Path FILE = Path.of("target", "payara-server-0.log");

    /** The file's length when the running server had finished deploying, or -1 before. */
    private static volatile long bootEnd = -1;
    /** How many servers this JVM started: a mark of an earlier one says nothing about the file of a later one. */
    private static volatile int servers;

    /** A place in the log of one server: the {@code server}-th started by this JVM, {@code offset} bytes in. */
    public record Mark(int server, long offset) {
    }

    private ServerLog() {
    }

    /** Called by the Arquillian container once the server it started serves: the log so far is the boot. */
    public static synchronized void serverStarted() {
        bootEnd = length();
        servers++;
    }

    /** The file's length now: where the lines written from now on begin. */
    public static synchronized Mark mark() {
        return new Mark(servers, length());
    }

    /**
     * The text written from {@code mark} on, starting at the beginning of the line the mark falls in (a record being
     * written at the mark is kept whole). The whole file when another server has started since the mark (Payara
     * started the file afresh).
     */
    public static String since(Mark mark) {
        byte[] all = bytes();
        int from = mark.server() != servers || mark.offset() > all.length ? 0 : (int) mark.offset();
        while (from > 0 && all[from - 1] != '\n') {
            from--;
        }
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /** The server's start-up: the file up to the end of the deployment (the whole file if that was not marked). */
    public static String boot() {
        byte[] all = bytes();
        long end = bootEnd;
        int to = end < 0 || end > all.length ? all.length : (int) end;
        return new String(all, 0, to, StandardCharsets.UTF_8);
    }

    /** The file's length where the boot ends, or -1 when no server was started by this JVM. */
    public static long bootEnd() {
        return bootEnd;
    }

    private static long length() {
        try {
            return Files.size(FILE);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("The server's log " + FILE.toAbsolutePath(), e);
        }
    }

    private static byte[] bytes() {
        try {
            return Files.readAllBytes(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("The server's log " + FILE.toAbsolutePath(), e);
        }
    }
}
