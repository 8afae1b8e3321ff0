package org.eventcommerce.it.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Puts {@link SharedDeploymentContainer} in place of Payara Micro's managed container, so that the IT classes of a
 * failsafe run share one Payara Micro process instead of booting one each (see that class for why and what it
 * costs). Registered in {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension} of the test
 * resources; Arquillian's override vetoes Payara's own registration, whichever extension loads first.
 */
public class SharedServerExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class,
                SharedDeploymentContainer.class);
    }
}
