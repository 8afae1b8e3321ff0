package org.eventcommerce.domain.site;

import java.util.List;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.payments.OperatingMode;

/**
 * Tells, with one harmless provider call, whether a configuration's credentials work in a mode (issue 4, "Test
 * connection"): for Payflow an inquiry on a made-up PNREF (RESULT 19 = credentials good, 1 = not), for Express
 * Checkout a SetExpressCheckout with {@code SUBJECT} (a token = good, 10002 = no permission). Implemented in the
 * payment package, which knows the connectors; {@link SettingsService} uses it to refuse a switch to Production
 * that would not work.
 */
public interface ProviderCheck {

    /**
     * What the check found, in words for the administrator: a message key of the domain bundle and its arguments.
     *
     * @param ok   true when the credentials work in the mode checked
     * @param key  e.g. {@code connection.ok}, {@code connection.badCredentials}, {@code connection.unreachable}
     * @param args the key's arguments (e.g. the provider's own message)
     */
    record Outcome(boolean ok, String key, List<Object> args) {

        public Outcome {
            args = List.copyOf(args);
        }

        /** An outcome with {@code args}. */
        public static Outcome of(boolean ok, String key, Object... args) {
            return new Outcome(ok, key, List.of(args));
        }

        /** This outcome as a validation error on {@code field}. */
        public FieldError asError(String field) {
            return new FieldError(field, key, args.toArray());
        }
    }

    /**
     * Checks {@code c}'s credentials for {@code mode} against that mode's endpoint. Never throws for a provider's
     * answer or a network failure: those are outcomes.
     */
    Outcome check(CommerceConfiguration c, OperatingMode mode);
}
