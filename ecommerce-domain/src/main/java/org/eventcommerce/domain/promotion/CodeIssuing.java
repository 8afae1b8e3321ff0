package org.eventcommerce.domain.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eventcommerce.domain.mail.MailMessage;
import org.eventcommerce.domain.mail.MailOutbox;
import org.eventcommerce.domain.mail.MailTemplate;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.domain.site.Site;

/**
 * Creates promotion codes and queues one e-mail per recipient and code in the same database transaction
 * (MISSION.md M8: "Create makes the codes and sends each recipient an e-mail with the code"): either the
 * codes and all their mails are stored, or nothing is. Sending happens later, in the background, from the
 * outbox, so a slow mail server never blocks the page or loses a code.
 */
@ApplicationScoped
public class CodeIssuing {

    @Inject
    PromotionCodeService codes;

    @Inject
    SettingsService settings;

    @Inject
    MailOutbox outbox;

    /**
     * Creates the codes of {@code request} and, when {@code sendEmail}, queues their mails.
     *
     * @throws org.eventcommerce.domain.common.ValidationException when a rule is broken (nothing written)
     */
    @Transactional
    public PromotionCodeService.Batch issue(Site site, CreateCodes request) {
        PromotionCodeService.Batch batch = codes.create(site, request);
        if (request.sendEmail()) {
            CommerceConfiguration c = settings.get(site.getId());
            List<MailMessage> messages = new ArrayList<>();
            for (PromotionCodeService.Created created : batch.codes()) {
                for (Recipient r : created.recipients()) {
                    messages.add(message(c, created.code(), r));
                }
            }
            if (!messages.isEmpty()) {
                outbox.enqueue(site, batch.batchId(), c.requireMode(), c.getTestMailRedirect(), messages);
            }
        }
        return batch;
    }

    private static MailMessage message(CommerceConfiguration c, PromotionCode code, Recipient r) {
        Map<String, String> values = Map.of(
                "AttendeeName", r.name(),
                "PromotionCode", code.getCode(),
                "Discount", code.getDiscount().describe(),
                "ExpirationDate", code.getExpiresOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(Locale.US)),
                "MerchantName", c.getMerchantName() == null ? "" : c.getMerchantName(),
                "SupportInfo", c.getSupportInfo() == null ? "" : c.getSupportInfo());
        String subject = c.getMailSubject() == null ? MailTemplate.DEFAULT_SUBJECT : c.getMailSubject();
        String text = c.getMailText() == null ? MailTemplate.DEFAULT_TEXT : c.getMailText();
        String html = c.getMailHtml() == null ? MailTemplate.DEFAULT_HTML : c.getMailHtml();
        return new MailMessage(r.email(), MailTemplate.render(subject, values, false),
                MailTemplate.render(text, values, false), MailTemplate.render(html, values, true));
    }
}
