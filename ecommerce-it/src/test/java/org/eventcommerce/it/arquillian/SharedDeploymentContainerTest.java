package org.eventcommerce.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint that decides whether a deployment may reuse the running server: the same content is the same
 * deployment however it was built; any other path or byte is another one.
 */
class SharedDeploymentContainerTest {

    private static WebArchive war(String name, String page) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addAsWebResource(new StringAsset(page), "index.xhtml")
                .addAsWebInfResource(new StringAsset("<beans/>"), "beans.xml");
    }

    @Test
    void theSameContentBuiltTwiceHasTheSameFingerprint() {
        assertThat(SharedDeploymentContainer.fingerprint(war("ROOT.war", "<p>one</p>")))
                .isEqualTo(SharedDeploymentContainer.fingerprint(war("ROOT.war", "<p>one</p>")))
                .hasSize(64);
    }

    @Test
    void anotherByteOrAnotherPathIsAnotherDeployment() {
        String one = SharedDeploymentContainer.fingerprint(war("ROOT.war", "<p>one</p>"));
        assertThat(SharedDeploymentContainer.fingerprint(war("ROOT.war", "<p>One</p>"))).isNotEqualTo(one);
        WebArchive moved = ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .addAsWebResource(new StringAsset("<p>one</p>"), "start.xhtml")
                .addAsWebInfResource(new StringAsset("<beans/>"), "beans.xml");
        assertThat(SharedDeploymentContainer.fingerprint(moved)).isNotEqualTo(one);
        WebArchive more = war("ROOT.war", "<p>one</p>").addAsWebResource(new StringAsset(""), "empty.xhtml");
        assertThat(SharedDeploymentContainer.fingerprint(more)).isNotEqualTo(one);
    }
}
