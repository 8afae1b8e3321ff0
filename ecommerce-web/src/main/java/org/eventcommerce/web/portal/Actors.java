package org.eventcommerce.web.portal;

import java.util.Locale;
import java.util.Map;
import org.eventcommerce.domain.audit.AuditLog;

/**
 * Who did something, as the portal shows it (the audit log, the reconciliation alerts): an administrator's e-mail as
 * stored, and the stored names of the non-human actors ({@link AuditLog#PLATFORM_API}, {@link AuditLog#DEMO_DATA}) in
 * the reader's language. The stored values stay as they are (the API answers them unchanged).
 */
public final class Actors {

    /** Stored actor names to their bundle keys; "API" is what reconciliation acknowledgements stored before. */
    private static final Map<String, String> KEYS = Map.of(AuditLog.PLATFORM_API, "actor.platformApi",
            AuditLog.DEMO_DATA, "actor.demoData", "API", "actor.platformApi");

    private Actors() {
    }

    /** {@code actor} as shown to a reader of {@code locale}; e-mails and unknown names unchanged, null as "". */
    public static String label(String actor, Locale locale) {
        if (actor == null) {
            return "";
        }
        String key = KEYS.get(actor);
        return key == null ? actor : Bundle.text(locale, key);
    }
}
