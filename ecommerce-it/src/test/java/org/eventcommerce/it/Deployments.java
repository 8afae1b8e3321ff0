package org.eventcommerce.it;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that Maven built (never a hand-listed archive), and the base URL rewritten to loopback. */
public final class Deployments {

    private Deployments() {
    }

    /** {@code target/ecommerce.war}, copied there by the dependency plugin at package. */
    public static WebArchive builtWar() {
        File war = new File("target/ecommerce.war");
        if (!war.isFile()) {
            throw new IllegalStateException("target/ecommerce.war is missing: run 'mvn package' first");
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    /** Payara Micro reports the machine's external address (stack-notes trap 8): use 127.0.0.1. */
    public static URI loopback(URL url) {
        URI u = URI.create(url.toString());
        String path = u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return URI.create("http://127.0.0.1:" + u.getPort() + path);
    }
}
