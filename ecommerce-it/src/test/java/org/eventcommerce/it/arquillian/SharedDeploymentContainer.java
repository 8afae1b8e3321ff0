package org.eventcommerce.it.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eventcommerce.it.ServerLog;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;

/**
 * Payara Micro's managed Arquillian container, made to serve every IT class of a failsafe run from one server.
 *
 * <p>Why: {@link PayaraMicroDeployableContainer} starts a new Payara Micro process in {@code deploy} (its
 * {@code start} does nothing) and destroys it in {@code undeploy}, and Arquillian deploys and undeploys around every
 * test class. Every IT class deploys the same archive ({@code Deployments.builtWar()}, the WAR Maven built), so each
 * class paid a whole boot (14 s or more, twice in CI: H2 and PostgreSQL) for a server identical to the one just
 * destroyed.
 *
 * <p>What: the first {@code deploy} of an archive starts the server as Payara's container does; a later
 * {@code deploy} of an archive with the same name and the same content (a SHA-256 over every entry's path and bytes)
 * starts nothing and returns the first deployment's {@link ProtocolMetaData}, so the class's
 * {@code @ArquillianResource URL} is the running server's. {@code undeploy} only forgets that a class used it; the
 * real undeploy (the process ends) happens in {@link #stop()}, which Arquillian calls once, after the last class of
 * the run ({@code AfterSuite}), and which waits for the process to exit (Payara's own undeploy only sends SIGTERM
 * and returns, so a later step could meet a server still stopping). An archive with another name or other content
 * (no IT has one today) stops the shared server and starts a new one for it: a class gets the deployment it asked
 * for, never a stale one.
 *
 * <p>What it costs: the server's memory state lives across classes (HTTP sessions, the server log), so IT classes
 * must not rely on a fresh server: each one uses its own data (its own e-mails, offerings, idempotency keys), the
 * shared browser starts every class without cookies ({@code Browser}), and the log is read from an offset taken at
 * the class's start ({@link ServerLog}). The database was already shared by every class of a run.
 *
 * <p>Registered by {@link SharedServerExtension} in place of Payara's container; the configuration is still
 * {@code arquillian.xml}'s {@code payara-micro} container.
 */
public class SharedDeploymentContainer extends PayaraMicroDeployableContainer {

    private static final Logger LOG = Logger.getLogger(SharedDeploymentContainer.class.getName());

    /** How long {@link #stop()} waits for Payara Micro to end after SIGTERM before it sends SIGKILL. */
    private static final long STOP_GRACE_SECONDS = 60;

    /** The archive the running server was started with, or null before the first deploy and after stop. */
    private Deployed current;
    /** How many deploys the running server answered without a boot (for the log line at stop). */
    private int reused;

    private record Deployed(Archive<?> archive, String fingerprint, ProtocolMetaData metaData) {
    }

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String fingerprint = fingerprint(archive);
        if (current != null) {
            if (current.archive().getName().equals(archive.getName()) && current.fingerprint().equals(fingerprint)) {
                reused++;
                LOG.info(() -> "Reusing the running Payara Micro for " + archive.getName() + " (deploy "
                        + (reused + 1) + ")");
                return current.metaData();
            }
            LOG.info(() -> "Another archive (" + archive.getName() + "): stopping the shared Payara Micro of "
                    + current.archive().getName() + " first");
            stopServer();
        }
        ProtocolMetaData metaData;
        try {
            metaData = super.deploy(archive);
        } catch (DeploymentException | RuntimeException e) {
            // A server that started but did not deploy (a timeout, a failed deployment) is not left running for the
            // next class's attempt to start another beside it.
            end(process(), archive);
            throw e;
        }
        current = new Deployed(archive, fingerprint, metaData);
        reused = 0;
        ServerLog.serverStarted();
        return metaData;
    }

    /** Leaves the server running for the next class; {@link #stop()} undeploys. */
    @Override
    public synchronized void undeploy(Archive<?> archive) {
        // Nothing: the deployment is shared by the following classes.
    }

    /** End of the run: the real undeploy (Payara Micro's process ends), waited for. */
    @Override
    public synchronized void stop() throws LifecycleException {
        try {
            stopServer();
        } finally {
            super.stop();
        }
    }

    private void stopServer() {
        if (current == null) {
            return;
        }
        Deployed stopping = current;
        current = null;
        end(process(), stopping.archive());
        LOG.info(() -> "Stopped the shared Payara Micro of " + stopping.archive().getName() + " after " + (reused + 1)
                + " deploy(s)");
    }

    /** Payara's undeploy (SIGTERM to the process), then waits for {@code process} to end; SIGKILL if it does not. */
    private void end(Process process, Archive<?> archive) {
        try {
            super.undeploy(archive);
        } catch (DeploymentException | RuntimeException e) {
            LOG.log(Level.WARNING, "Payara's undeploy failed", e);
        }
        if (process == null) {
            return;
        }
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("Payara Micro did not end " + STOP_GRACE_SECONDS + " s after SIGTERM: SIGKILL");
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Payara's container keeps its process in a private field; null when that changes (then nothing is waited for). */
    private Process process() {
        try {
            Field f = PayaraMicroDeployableContainer.class.getDeclaredField("payaraMicroProcess");
            f.setAccessible(true);
            return (Process) f.get(this);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot see Payara Micro's process: its end is not waited for", e);
            return null;
        }
    }

    /** SHA-256 over every entry of {@code archive}: its path, and its bytes for a file. */
    static String fingerprint(Archive<?> archive) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Map<String, Node> entries = new TreeMap<>();
            for (Map.Entry<ArchivePath, Node> e : archive.getContent().entrySet()) {
                entries.put(e.getKey().get(), e.getValue());
            }
            byte[] buffer = new byte[64 * 1024];
            for (Map.Entry<String, Node> e : entries.entrySet()) {
                sha.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                if (e.getValue().getAsset() != null) {
                    try (InputStream in = e.getValue().getAsset().openStream()) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            sha.update(buffer, 0, n);
                        }
                    }
                }
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + archive.getName(), e);
        }
    }
}
