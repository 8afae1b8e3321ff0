package org.eventcommerce.domain.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.payments.OperatingMode;

/**
 * One mode's Payflow credentials. The password is held only as AES-GCM ciphertext
 * ({@link org.eventcommerce.domain.security.SecretCipher}); there is no getter for a plain password.
 */
@Entity
@Table(name = "provider_credentials")
public class ProviderCredentials extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "configuration_id")
    private CommerceConfiguration configuration;

    @Enumerated(EnumType.STRING)
    @Column(name = "operating_mode", nullable = false)
    private OperatingMode mode;

    @Column(name = "partner_id")
    private String partnerId;

    private String vendor;

    @Column(name = "user_name")
    private String user;

    @Column(name = "password_enc")
    private String passwordCiphertext;

    protected ProviderCredentials() {
    }

    ProviderCredentials(CommerceConfiguration configuration, OperatingMode mode) {
        this.configuration = configuration;
        this.mode = mode;
    }

    public OperatingMode getMode() {
        return mode;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public String getVendor() {
        return vendor;
    }

    public String getUser() {
        return user;
    }

    /** The stored ciphertext, for decryption just before a provider call. */
    public String getPasswordCiphertext() {
        return passwordCiphertext;
    }

    public boolean hasPassword() {
        return passwordCiphertext != null;
    }

    /** Sets partner, vendor and user; blank values are stored as null. */
    public void update(String partnerId, String vendor, String user) {
        this.partnerId = blankToNull(partnerId);
        this.vendor = blankToNull(vendor);
        this.user = blankToNull(user);
    }

    /** Replaces the password with new ciphertext. */
    public void replacePasswordCiphertext(String ciphertext) {
        this.passwordCiphertext = ciphertext;
    }

    /**
     * Stores {@code plain} as the password unless it is the one already stored (compared with the decrypted stored
     * password, in constant time; neither is kept or logged), so that typing the same password again is no change and
     * leaves the ciphertext, and with it the audit log (issue 5), untouched. A stored value that cannot be decrypted
     * (another key) is replaced.
     *
     * @param plain  the password typed, not empty
     * @param cipher encrypts and decrypts stored passwords
     * @return true when the stored password changed
     */
    public boolean changePassword(String plain, org.eventcommerce.domain.security.SecretCipher cipher) {
        if (passwordCiphertext != null) {
            try {
                byte[] stored = cipher.decrypt(passwordCiphertext).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (java.security.MessageDigest.isEqual(stored,
                        plain.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                    return false;
                }
            } catch (IllegalStateException undecryptable) {
                // stored under another key or damaged: replace it
            }
        }
        passwordCiphertext = cipher.encrypt(plain);
        return true;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
