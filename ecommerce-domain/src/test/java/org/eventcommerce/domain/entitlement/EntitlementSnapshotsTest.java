package org.eventcommerce.domain.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eventcommerce.domain.account.ApiKeyService;
import org.eventcommerce.domain.config.DatabaseMigrator;
import org.eventcommerce.domain.config.InMemoryH2;
import org.eventcommerce.domain.config.ThrowawayPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link EntitlementSnapshots} on the schema of the migrations, on an in-memory H2 and on a fresh PostgreSQL
 * database (skipped when none answers on 127.0.0.1:5432). Changes are written with the statements of
 * {@link EntitlementService}'s {@code numberChange} (the site's counter incremented, the number on the row, one
 * transaction), as a grant or a full refund writes them.
 */
class EntitlementSnapshotsTest {

    private static final String KEY_1 = ApiKeyService.hash("snapshot-key-1");
    private static final String KEY_2 = ApiKeyService.hash("snapshot-key-2");
    private static final Instant GRANTED = Instant.parse("2026-05-01T10:00:00Z");

    enum Database { H2, POSTGRESQL }

    @ParameterizedTest
    @EnumSource(Database.class)
    void answersFromMemoryOnlyWhatTheCounterSaysIsCurrent(Database db) throws Exception {
        onFresh(db, "snap", ds -> {
            seed(ds);
            EntitlementSnapshots snapshots = new EntitlementSnapshots(ds, Runnable::run, 1000);

            // The first check finds no snapshot: the caller asks the database, and the site's snapshot is loaded.
            EntitlementSnapshots.Found first = snapshots.check(KEY_1, "ann@example.com", "java-101").orElseThrow();
            assertThat(first.site().siteId()).isEqualTo(1);
            assertThat(first.counter()).isZero();
            assertThat(first.answer()).isNull();
            assertThat(snapshots.held(1).size()).isEqualTo(1);

            // From memory now, the e-mail compared as its key.
            EntitlementService.KeyedCheck yes = answer(snapshots, KEY_1, " ANN@Example.COM ", "java-101");
            assertThat(yes.check()).isEqualTo(new EntitlementService.Check(true, "order-1", GRANTED));
            assertThat(yes.knownAttendee()).isTrue();
            assertThat(answer(snapshots, KEY_1, "ann@example.com", "java-102").check().granted()).isFalse();
            assertThat(answer(snapshots, KEY_1, "bob@example.com", "java-101").knownAttendee()).isFalse();
            assertThat(snapshots.check(ApiKeyService.hash("nope"), "ann@example.com", "java-101")).isEmpty();

            // Site 2 has its own snapshot: the same e-mail and offering id hold nothing there.
            assertThat(snapshots.check(KEY_2, "ann@example.com", "java-101").orElseThrow().answer()).isNull();
            assertThat(answer(snapshots, KEY_2, "ann@example.com", "java-101").check().granted()).isFalse();

            // A full refund on "another instance" (straight to the database): the very next check says no.
            change(ds, 1, "update entitlement set revoked_at = current_timestamp where id = 40", 40);
            EntitlementService.KeyedCheck revoked = answer(snapshots, KEY_1, "ann@example.com", "java-101");
            assertThat(revoked.check()).isEqualTo(EntitlementService.Check.DENIED);
            assertThat(snapshots.held(1).version()).isEqualTo(1);

            // A new purchase re-grants through its own order, and a second attendee gets access: both are seen.
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate(TwoSites.order(35, 1, "order-again", 21, 11));
                s.executeUpdate(TwoSites.order(36, 1, "order-cid", 21, 13));
            }
            change(ds, 1, "update entitlement set revoked_at = null, order_id = 35,"
                    + " granted_at = timestamp with time zone '2026-05-02 08:30:00+00' where id = 40", 40);
            change(ds, 1, "insert into entitlement (id, site_id, attendee_id, offering_id, order_id, granted_at)"
                    + " values (41, 1, 13, 21, 36, timestamp with time zone '2026-05-03 09:00:00+00')", 41);
            assertThat(answer(snapshots, KEY_1, "ann@example.com", "java-101").check())
                    .isEqualTo(new EntitlementService.Check(true, "order-again", Instant.parse("2026-05-02T08:30:00Z")));
            assertThat(answer(snapshots, KEY_1, "cid@example.com", "java-101").check().orderId()).isEqualTo("order-cid");
            assertThat(snapshots.held(1).version()).isEqualTo(3);
            assertThat(snapshots.held(1).size()).isEqualTo(2);
            // Site 2's snapshot did not move: its counter did not.
            assertThat(snapshots.held(2).version()).isZero();

            // The counter went back (a restored database): the snapshot is dropped, the database asked, then reloaded.
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("update site set entitlement_version = 1 where id = 1");
            }
            assertThat(snapshots.check(KEY_1, "ann@example.com", "java-101").orElseThrow().answer()).isNull();
            assertThat(snapshots.check(KEY_1, "ann@example.com", "java-101").orElseThrow().answer()).isNull();
            assertThat(snapshots.held(1).version()).isEqualTo(1);
            assertThat(answer(snapshots, KEY_1, "cid@example.com", "java-101").check().granted()).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aSiteWithMoreEntitlementsThanTheLimitIsAlwaysCheckedInTheDatabase(Database db) throws Exception {
        onFresh(db, "snapmax", ds -> {
            seed(ds);
            EntitlementSnapshots snapshots = new EntitlementSnapshots(ds, Runnable::run, 1);
            assertThat(snapshots.check(KEY_1, "ann@example.com", "java-101").orElseThrow().answer()).isNull();
            assertThat(answer(snapshots, KEY_1, "ann@example.com", "java-101").check().granted()).isTrue();

            // A second grant takes the site over the limit: the snapshot is dropped for good.
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate(TwoSites.order(36, 1, "order-cid", 21, 13));
            }
            change(ds, 1, "insert into entitlement (id, site_id, attendee_id, offering_id, order_id, granted_at)"
                    + " values (41, 1, 13, 21, 36, current_timestamp)", 41);
            for (int i = 0; i < 3; i++) {
                assertThat(snapshots.check(KEY_1, "cid@example.com", "java-101").orElseThrow().answer()).isNull();
            }
            assertThat(snapshots.held(1)).isNull();
        });
    }

    /**
     * Grants and revocations of one entitlement alternate in one thread while four threads check it: every answer
     * given from memory is a state that was committed no earlier than the counter the same check read (an answer
     * from before the change would be a revoked access still granted).
     */
    @ParameterizedTest
    @EnumSource(Database.class)
    void anAnswerFromMemoryIsNeverOlderThanTheCounterItRead(Database db) throws Exception {
        onFresh(db, "snaprace", ds -> {
            seed(ds);
            EntitlementSnapshots snapshots = new EntitlementSnapshots(ds, Runnable::run, 1000);
            snapshots.check(KEY_1, "ann@example.com", "java-101");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch done = new CountDownLatch(1);
            List<Future<int[]>> readers = new ArrayList<>();
            try {
                for (int r = 0; r < 4; r++) {
                    readers.add(pool.submit(() -> {
                        int fromMemory = 0;
                        int wrong = 0;
                        while (done.getCount() > 0) {
                            EntitlementSnapshots.Found f = snapshots.check(KEY_1, "ann@example.com", "java-101")
                                    .orElseThrow();
                            if (f.answer() != null) {
                                fromMemory++;
                                // Even counters: active (grants); odd: revoked (the writer's order below).
                                boolean expected = f.counter() % 2 == 0;
                                if (f.answer().check().granted() != expected
                                        && !changedSince(ds, f.counter())) {
                                    wrong++;
                                }
                            }
                        }
                        return new int[] {fromMemory, wrong};
                    }));
                }
                for (int i = 0; i < 60; i++) {
                    change(ds, 1, i % 2 == 0 ? "update entitlement set revoked_at = current_timestamp where id = 40"
                            : "update entitlement set revoked_at = null where id = 40", 40);
                    Thread.sleep(ThreadLocalRandom.current().nextInt(3));
                }
            } finally {
                done.countDown();
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            int fromMemory = 0;
            for (Future<int[]> f : readers) {
                fromMemory += f.get()[0];
                assertThat(f.get()[1]).as("answers older than their counter").isZero();
            }
            assertThat(fromMemory).as("answers from memory").isPositive();
        });
    }

    /** True when the site's counter has moved past {@code counter} (a later change may explain a newer answer). */
    private static boolean changedSince(DataSource ds, long counter) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select entitlement_version from site where id = 1")) {
            rs.next();
            return rs.getLong(1) > counter;
        }
    }

    private static EntitlementService.KeyedCheck answer(EntitlementSnapshots snapshots, String key, String email,
                                                        String offering) throws SQLException {
        Optional<EntitlementSnapshots.Found> found = snapshots.check(key, email, offering);
        assertThat(found).isPresent();
        assertThat(found.get().answer()).as("answered from memory").isNotNull();
        return found.get().answer();
    }

    /** {@code sql} on entitlement {@code id}, numbered from site {@code site}'s counter, in one transaction. */
    private static void change(DataSource ds, long site, String sql, long id) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate(sql);
            s.executeUpdate("update site set entitlement_version = entitlement_version + 1 where id = " + site);
            s.executeUpdate("update entitlement set change_version = (select entitlement_version from site where id = "
                    + site + ") where id = " + id);
            c.commit();
        }
    }

    /** Two sites with the same attendee (Ann) and offering id; site 1 also has Cid; only Ann on site 1 has access. */
    private static void seed(DataSource ds) throws SQLException {
        new DatabaseMigrator().migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            TwoSites.insert(s, KEY_1, KEY_2);
            s.executeUpdate("insert into account (id, site_id, email, email_key, display_name, created_at) values"
                    + " (13, 1, 'cid@example.com', 'cid@example.com', 'Cid', current_timestamp)");
            s.executeUpdate("insert into entitlement (id, site_id, attendee_id, offering_id, order_id, granted_at)"
                    + " values (40, 1, 11, 21, 31, timestamp with time zone '2026-05-01 10:00:00+00')");
        }
    }

    private static void onFresh(Database db, String name, ThrowawayPostgres.Body body) throws Exception {
        if (db == Database.H2) {
            body.run(InMemoryH2.dataSource(name + ThreadLocalRandom.current().nextInt(1_000_000)));
        } else {
            ThrowawayPostgres.run("ecommerce_" + name + "_", body);
        }
    }
}
