package org.eventcommerce.domain.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.common.Texts;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.site.Site;

/** Finds and creates the accounts of a site. */
@ApplicationScoped
public class AccountService {

    /** Longest display name (column {@code account.display_name}). */
    public static final int MAX_NAME = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The account with {@code email} (case-insensitive) in the site, if any. */
    @Transactional
    public Optional<Account> find(long siteId, String email) {
        return em.createQuery("select a from Account a where a.site.id = :s and a.emailKey = :k", Account.class)
                .setParameter("s", siteId).setParameter("k", Account.key(email)).getResultStream().findFirst();
    }

    /** @throws NotFoundException when no account has this id */
    @Transactional
    public Account get(long accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId))
                .orElseThrow(() -> new NotFoundException("Account"));
    }

    /**
     * The account with {@code email}, created without a password when missing, with {@code role} granted.
     * When {@code name} is blank, the name is the part of the address before {@code @}.
     *
     * @throws ValidationException when the address is not a valid e-mail ({@code field} names it)
     */
    @Transactional
    public Account findOrCreate(Site site, String field, String email, String name, Role role) {
        String clean = Texts.clean(email);
        if (!Texts.isEmail(clean)) {
            throw ValidationException.of(field, "validation.email.format");
        }
        if (name != null && name.strip().length() > MAX_NAME) {
            throw ValidationException.of(field.endsWith("email") ? field.replace("email", "name") : field + ".name",
                    "validation.name.length", MAX_NAME);
        }
        Account a = find(site.getId(), clean).orElseGet(() -> {
            String n = Texts.clean(name);
            Account created = new Account(site, clean, n == null ? clean.substring(0, clean.indexOf('@')) : n,
                    clock.instant());
            em.persist(created);
            return created;
        });
        a.grant(role);
        return a;
    }

    /** Every account with a password and this e-mail, in any site (sign-in picks the one whose password matches). */
    @Transactional
    public List<Account> findSignInCandidates(String email) {
        return em.createQuery("select a from Account a where a.emailKey = :k and a.passwordHash is not null",
                Account.class).setParameter("k", Account.key(email)).getResultList();
    }
}
