package org.eventcommerce.domain.payment.report;

import java.io.Serializable;
/**
 * An offering to filter the transactions report by ({@link TransactionReport#offerings}).
 *
 * @param id    the offering's id as the platform knows it ({@code live-keynote})
 * @param title its title
 */
public record OfferingChoice(String id, String title) implements Serializable {
}
