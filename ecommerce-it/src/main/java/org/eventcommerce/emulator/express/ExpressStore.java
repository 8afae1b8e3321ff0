package org.eventcommerce.emulator.express;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the Express Checkout emulator remembers: checkouts by token, transactions by id, and the answers given
 * per MSGSUBID. One lock ({@link #atomically}) guards every request, so concurrent calls never see half a change.
 */
final class ExpressStore {

    /** An answer given for a MSGSUBID, with the request it answered (PWD/SIGNATURE removed). */
    record Remembered(Map<String, String> request, Map<String, String> answer, String transactionId) {
    }

    private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Checkout> checkouts = new LinkedHashMap<>();
    private final Map<String, EcTransaction> transactions = new LinkedHashMap<>();
    private final Map<String, Remembered> byMsgSubId = new HashMap<>();

    synchronized <T> T atomically(Supplier<T> work) {
        return work.get();
    }

    synchronized String newToken() {
        String token;
        do {
            token = "EC-" + random(17);
        } while (checkouts.containsKey(token));
        return token;
    }

    synchronized String newTransactionId() {
        String id;
        do {
            id = random(17);
        } while (transactions.containsKey(id));
        return id;
    }

    static String newPayerId() {
        return random(13);
    }

    static String newCorrelationId() {
        StringBuilder out = new StringBuilder(13);
        for (int i = 0; i < 13; i++) {
            out.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return out.toString();
    }

    synchronized void add(Checkout checkout) {
        checkouts.put(checkout.token, checkout);
    }

    synchronized Optional<Checkout> checkout(String token) {
        return Optional.ofNullable(token == null ? null : checkouts.get(token));
    }

    synchronized void add(EcTransaction transaction) {
        transactions.put(transaction.id, transaction);
    }

    synchronized Optional<EcTransaction> transaction(String merchant, String id) {
        EcTransaction t = id == null ? null : transactions.get(id);
        return t == null || !t.merchant.equals(merchant) ? Optional.empty() : Optional.of(t);
    }

    synchronized Optional<Remembered> remembered(String merchant, String method, String msgSubId) {
        return Optional.ofNullable(byMsgSubId.get(key(merchant, method, msgSubId)));
    }

    synchronized void remember(String merchant, String method, String msgSubId, Remembered remembered) {
        byMsgSubId.put(key(merchant, method, msgSubId), remembered);
    }

    synchronized List<Checkout> checkouts() {
        return new ArrayList<>(checkouts.values());
    }

    synchronized List<EcTransaction> transactions() {
        return new ArrayList<>(transactions.values());
    }

    synchronized void clear() {
        checkouts.clear();
        transactions.clear();
        byMsgSubId.clear();
    }

    private static String key(String merchant, String method, String msgSubId) {
        return merchant + "\n" + method + "\n" + msgSubId;
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)]);
        }
        return out.toString();
    }
}
