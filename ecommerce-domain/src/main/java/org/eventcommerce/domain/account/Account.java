package org.eventcommerce.domain.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.site.Site;

/**
 * A person of one site: site administrator, host and/or attendee. Accounts pushed through the API have no
 * password (they cannot sign in; attendees pay through the signed payment-page link). The e-mail is kept
 * as written; {@code emailKey} (lower-cased, {@link Locale#ROOT}) makes it unique per site.
 */
@Entity
@Table(name = "account")
public class Account extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_key", nullable = false)
    private String emailKey;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    /** The server's PBKDF2 hash (Jakarta Security Pbkdf2PasswordHash), or null. */
    @Column(name = "password_hash")
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role")
    private Set<Role> roles = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
    }

    public Account(Site site, String email, String displayName, Instant now) {
        this.site = site;
        this.email = email;
        this.emailKey = key(email);
        this.displayName = displayName;
        this.createdAt = now;
    }

    /** The normalized form e-mails are compared in. */
    public static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public Site getSite() {
        return site;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public void grant(Role role) {
        roles.add(role);
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void rename(String displayName) {
        this.displayName = displayName;
    }
}
