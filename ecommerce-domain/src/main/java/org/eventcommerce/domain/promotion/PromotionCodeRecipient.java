package org.eventcommerce.domain.promotion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.common.BaseEntity;

/** Someone a code was mailed to (for the mail and the reports; the code itself is a bearer code). */
@Entity
@Table(name = "promotion_code_recipient")
public class PromotionCodeRecipient extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "code_id")
    private PromotionCode code;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_key", nullable = false)
    private String emailKey;

    @Column(nullable = false)
    private String name;

    protected PromotionCodeRecipient() {
    }

    PromotionCodeRecipient(PromotionCode code, String email, String name) {
        this.code = code;
        this.email = email;
        this.emailKey = Account.key(email);
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }
}
