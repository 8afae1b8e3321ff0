package org.eventcommerce.emulator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Duplicate detection on {@code X-VPS-REQUEST-ID}, keyed per merchant (VENDOR) and request id
 * (paypal-protocols.md §1.2; 2007 HTTPS Interface guide): when an id was seen before, the gateway does
 * <em>not</em> process the new data and returns the original response with {@code DUPLICATE=1} added,
 * even if the new body differs. A second request arriving while the first is still being processed waits
 * for the first answer. Ids are kept until {@link #clear()} (the gateway keeps them at least 30 days).
 */
public final class DuplicateRequestGuard {

    private record Key(String vendor, String requestId) {
    }

    private final ConcurrentHashMap<Key, CompletableFuture<NvpResponse>> answers = new ConcurrentHashMap<>();

    /** Processes the request once per (vendor, request id); repeats get the stored answer with DUPLICATE=1. */
    public NvpResponse answer(String vendor, String requestId, Supplier<NvpResponse> process) {
        Key key = new Key(vendor, requestId);
        while (true) {
            CompletableFuture<NvpResponse> mine = new CompletableFuture<>();
            CompletableFuture<NvpResponse> earlier = answers.putIfAbsent(key, mine);
            if (earlier == null) {
                try {
                    NvpResponse response = process.get();
                    mine.complete(response);
                    return response;
                } catch (RuntimeException | Error e) {
                    answers.remove(key, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
            try {
                return earlier.join().asDuplicate();
            } catch (CompletionException e) {
                // the first attempt failed inside the emulator and was forgotten: process this one
                answers.remove(key, earlier);
            }
        }
    }

    /**
     * Makes {@code answer} the stored first answer of (vendor, request id) unless one is stored already, so repeats
     * get it with DUPLICATE=1 (the emulator's replay control, {@link EmulatorControl#replayAnotherNext}).
     *
     * @return the stored first answer: {@code answer}, or the one stored before
     */
    public NvpResponse remember(String vendor, String requestId, NvpResponse answer) {
        CompletableFuture<NvpResponse> mine = CompletableFuture.completedFuture(answer);
        CompletableFuture<NvpResponse> earlier = answers.putIfAbsent(new Key(vendor, requestId), mine);
        return earlier == null ? answer : earlier.join();
    }

    /** Forgets every request id. */
    public void clear() {
        answers.clear();
    }
}
