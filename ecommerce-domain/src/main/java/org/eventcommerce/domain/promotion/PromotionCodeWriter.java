package org.eventcommerce.domain.promotion;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.config.DatabaseMigrator;

/**
 * Writes the rows of new promotion codes and their recipients with JDBC batch inserts, in the caller's JTA
 * transaction (the datasource hands out the connection enlisted in it, so a rollback takes these rows with it).
 *
 * <p>Why not {@code em.persist}: creating 10,000 codes through EclipseLink spent about 0.4 s per request in
 * registering and flushing the entities, against 0.08 s for the same inserts as one JDBC batch
 * (BENCHMARKS.md, benchmark 1). The rows are exactly what {@link PromotionCode}'s mapping would write; the
 * {@link PromotionCode} objects passed in stay unmanaged (they carry the values for the answer and the mails).
 *
 * <p>Ids come from {@code ec_id_seq} the way EclipseLink takes them (BaseEntity: allocation 50 = the
 * sequence's increment): one {@code nextval} yields the block {@code value − 49 … value}, so ids given here never
 * meet ids given by EclipseLink.
 */
@ApplicationScoped
public class PromotionCodeWriter {

    /** Ids per sequence call: the increment of {@code ec_id_seq} (V1 migration) and BaseEntity's allocation. */
    static final int ID_BLOCK = 50;
    /** Rows per JDBC batch. */
    private static final int BATCH = 1_000;

    private static final String INSERT_CODE = "insert into promotion_code (id, site_id, code, service, code_type,"
            + " discount_type, discount_amount, discount_currency, discount_percent, usage_type, usage_limit,"
            + " used_count, reserved_count, expires_on, applies_to, deleted, deleted_at, batch_id, created_at,"
            + " version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, false, null, ?, ?, 1)";
    private static final String INSERT_RECIPIENT = "insert into promotion_code_recipient (id, code_id, email,"
            + " email_key, name) values (?, ?, ?, ?, ?)";

    @Resource(lookup = DatabaseMigrator.DATASOURCE)
    DataSource dataSource;

    /** A new code and whom it is mailed to ({@link Recipient}s, possibly none). */
    public record Row(PromotionCode code, List<Recipient> recipients) {
    }

    /**
     * Inserts {@code rows} (codes, then recipients) in the current transaction.
     *
     * @throws IllegalStateException wrapping the {@link SQLException} (e.g. a code taken meanwhile by another
     *         transaction: the unique constraint {@code uq_promotion_code}); the caller's transaction then rolls
     *         back and nothing is written
     */
    public void insert(List<Row> rows) {
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            long[] ids = ids(c, postgres, rows.size() + rows.stream().mapToInt(r -> r.recipients().size()).sum());
            int next = 0;
            long[] codeIds = new long[rows.size()];
            try (PreparedStatement ps = c.prepareStatement(INSERT_CODE)) {
                for (int i = 0; i < rows.size(); i++) {
                    codeIds[i] = ids[next++];
                    bindCode(ps, codeIds[i], rows.get(i).code());
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_RECIPIENT)) {
                int pending = 0;
                for (int i = 0; i < rows.size(); i++) {
                    for (Recipient r : rows.get(i).recipients()) {
                        ps.setLong(1, ids[next++]);
                        ps.setLong(2, codeIds[i]);
                        ps.setString(3, r.email());
                        ps.setString(4, Account.key(r.email()));
                        ps.setString(5, r.name());
                        ps.addBatch();
                        if (++pending % BATCH == 0) {
                            ps.executeBatch();
                        }
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the promotion codes", e);
        }
    }

    private static void bindCode(PreparedStatement ps, long id, PromotionCode code) throws SQLException {
        Discount d = code.getDiscount();
        ps.setLong(1, id);
        ps.setLong(2, code.getSite().getId());
        ps.setString(3, code.getCode());
        ps.setString(4, code.getService().name());
        ps.setString(5, code.getCodeType().name());
        ps.setString(6, d.type().name());
        if (d.type() == Discount.Type.FIXED) {
            ps.setBigDecimal(7, d.amount().amount());
            ps.setString(8, d.amount().currency().getCurrencyCode());
            ps.setNull(9, Types.NUMERIC);
        } else {
            ps.setNull(7, Types.NUMERIC);
            ps.setNull(8, Types.CHAR);
            ps.setBigDecimal(9, d.percent());
        }
        ps.setString(10, code.getUsageType().name());
        if (code.getUsageLimit() == null) {
            ps.setNull(11, Types.INTEGER);
        } else {
            ps.setInt(11, code.getUsageLimit());
        }
        ps.setDate(12, Date.valueOf(code.getExpiresOn()));
        ps.setString(13, code.getAppliesTo().name());
        ps.setString(14, code.getBatchId());
        ps.setObject(15, code.getCreatedAt().atOffset(ZoneOffset.UTC));
    }

    /** {@code count} fresh ids, in blocks of {@value #ID_BLOCK} from {@code ec_id_seq}. */
    private static long[] ids(Connection c, boolean postgres, int count) throws SQLException {
        long[] ids = new long[count];
        String sql = postgres ? "select nextval('ec_id_seq')" : "values next value for ec_id_seq";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int filled = 0; filled < count; ) {
                long last;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    last = rs.getLong(1);
                }
                for (long id = last - ID_BLOCK + 1; id <= last && filled < count; id++) {
                    ids[filled++] = id;
                }
            }
        }
        return ids;
    }
}
