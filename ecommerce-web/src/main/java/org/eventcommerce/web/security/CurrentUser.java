package org.eventcommerce.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.account.AccountService;
import org.eventcommerce.domain.account.Role;

/**
 * The signed-in person of this request, for the portal. The caller principal's name is the account id
 * (set by {@link AccountIdentityStore}), so the account, its site and roles follow from it.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext security;

    @Inject
    AccountService accounts;

    private Account account;

    /** The account, or empty when nobody is signed in. */
    public Optional<Account> find() {
        if (account == null) {
            Principal p = security.getCallerPrincipal();
            if (p != null && p.getName() != null && p.getName().matches("\\d+")) {
                account = accounts.get(Long.parseLong(p.getName()));
            }
        }
        return Optional.ofNullable(account);
    }

    /** @throws IllegalStateException when nobody is signed in (pages are guarded, so this is a bug) */
    public Account account() {
        return find().orElseThrow(() -> new IllegalStateException("Not signed in"));
    }

    public long siteId() {
        return account().getSite().getId();
    }

    public boolean isSignedIn() {
        return find().isPresent();
    }

    public boolean isSiteAdmin() {
        return security.isCallerInRole(Role.SITE_ADMIN.group());
    }

    public boolean isHost() {
        return security.isCallerInRole(Role.HOST.group());
    }

    public boolean isAttendee() {
        return security.isCallerInRole(Role.ATTENDEE.group());
    }

    /** The display name, for the page header. */
    public String getName() {
        return find().map(Account::getDisplayName).orElse(null);
    }
}
