package org.eventcommerce.domain.entitlement;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The test data of the entitlement queries: two sites (ids 1 and 2; zones America/New_York and Europe/Bucharest),
 * each with an API key (ids 101, 102), the attendee Ann ({@code ann@example.com}, accounts 11 and 12), the offering
 * {@code java-101} (21, 22) and a paid order {@code order-<site>} (31, 32) of 25.00 USD. No entitlement.
 */
final class TwoSites {

    private TwoSites() {
    }

    /** Inserts both sites' rows; {@code keyHashes[i]} is site i+1's key hash. */
    static void insert(Statement s, String... keyHashes) throws SQLException {
        for (int site = 1; site <= 2; site++) {
            s.executeUpdate("insert into site (id, slug, name, time_zone, created_at) values (" + site + ", 'site"
                    + site + "', 'Site', '" + (site == 1 ? "America/New_York" : "Europe/Bucharest")
                    + "', current_timestamp)");
            s.executeUpdate("insert into api_key (id, site_id, key_hash, label, created_at) values (" + (100 + site)
                    + ", " + site + ", '" + keyHashes[site - 1] + "', 'k', current_timestamp)");
            s.executeUpdate("insert into account (id, site_id, email, email_key, display_name, created_at) values ("
                    + (10 + site) + ", " + site + ", 'Ann@Example.com', 'ann@example.com', 'Ann', current_timestamp)");
            s.executeUpdate("insert into offering (id, site_id, external_id, title, service, offering_type, host_id,"
                    + " fee_amount, fee_currency, version, updated_at) values (" + (20 + site) + ", " + site
                    + ", 'java-101', 'O', 'EVENTS', 'RECORDING', " + (10 + site)
                    + ", 25.00, 'USD', 0, current_timestamp)");
            s.executeUpdate(order(30 + site, site, "order-" + site, 20 + site, 10 + site));
        }
    }

    /** A PAID order of 25.00 USD. */
    static String order(long id, long site, String publicId, long offering, long attendee) {
        return "insert into purchase_order (id, site_id, public_id, offering_id, attendee_id, status, currency,"
                + " list_amount, discount_amount, total_amount, refunded_amount, created_at, version) values (" + id
                + ", " + site + ", '" + publicId + "', " + offering + ", " + attendee
                + ", 'PAID', 'USD', 25, 0, 25, 0, current_timestamp, 0)";
    }
}
