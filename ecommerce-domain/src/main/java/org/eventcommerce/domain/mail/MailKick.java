package org.eventcommerce.domain.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After a transaction that queued or re-queued mail commits ({@link MailOutbox.Enqueued}), starts a sending
 * pass on the managed executor. A plain CDI bean, not the EJB itself: an EJB business method called from the
 * after-completion phase fails to resume the finished transaction.
 */
@ApplicationScoped
public class MailKick {

    private static final Logger LOG = Logger.getLogger(MailKick.class.getName());

    @Inject
    MailSender sender;

    @Resource
    ManagedExecutorService executor;

    void onEnqueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailOutbox.Enqueued event) {
        try {
            executor.execute(sender::drainNow);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Mail kick rejected; the timer sends within 5 s", e);
        }
    }
}
