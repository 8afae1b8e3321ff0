package org.eventcommerce.domain.promotion;

import java.util.Objects;

/**
 * A person a promotion code is mailed to (M8): who it was sent to, for the e-mail ({@code %AttendeeName%})
 * and the reports. Codes are bearer codes, so the recipient does not restrict who may use one.
 *
 * @param email the address as written (trimmed; case, {@code +}, {@code '}, {@code _}, {@code -} kept), valid
 *        by {@link org.eventcommerce.domain.common.Texts#isEmail(String)}
 * @param name the name as written (trimmed), or the part of the address before {@code @} where none was given
 *        (M8); at most {@value RecipientFile#MAX_NAME_LENGTH} characters
 * @param line in an uploaded file, the 1-based physical line it came from; for typed recipients the 1-based
 *        row ({@code recipients[i]} is row {@code i + 1})
 */
public record Recipient(String email, String name, int line) {

    public Recipient {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
    }
}
