package org.eventcommerce.domain.promotion;

/**
 * One recipient row as typed in the form or sent in the API body ({@code recipients[i]}: {@code email},
 * optional {@code name}), before {@link RecipientFile#ofTyped(java.util.List)} checks it.
 *
 * @param email the address as typed; may be null or blank (refused)
 * @param name the name as typed; null or blank means the part of the address before {@code @}
 */
public record RecipientInput(String email, String name) {
}
