package org.eventcommerce.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.idempotency.IdempotencyService;
import org.eventcommerce.domain.order.OrderService;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.domain.order.PaymentLinks;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.payment.PaymentRecorder;
import org.eventcommerce.domain.payment.PaymentService;
import org.eventcommerce.domain.payment.FollowOnRecorder;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.domain.payment.RefundService;
import org.eventcommerce.payments.Card;
import org.eventcommerce.payments.money.Money;

/**
 * Orders, card payments and refunds (API.md "Orders and payments"): {@code POST /orders},
 * {@code GET /orders/{id}}, {@code POST /orders/{id}/payments} and {@code POST /orders/{id}/refunds} with
 * {@code Idempotency-Key}; additions: {@code POST /orders/{id}/captures} and {@code /voids}.
 */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @Inject
    ApiCaller caller;

    @Inject
    OrderService orders;

    @Inject
    PaymentService payments;

    @Inject
    RefundService refunds;

    @Inject
    PaymentRecorder transactions;

    @Inject
    PaymentLinks links;

    @Inject
    IdempotencyService idempotency;

    /** Places an order; 201 with the order (a zero total is PAID at once). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(String body) {
        JsonBody b = JsonBody.parse(body, Set.of("offering", "attendee", "promotionCode"));
        String offering = b.string("offering", true);
        JsonBody attendee = b.object("attendee", Set.of("email", "name"), true);
        String email = attendee == null ? null : attendee.string("email", true);
        String name = attendee == null ? null : attendee.string("name", false);
        String code = b.string("promotionCode", false);
        b.finish();
        OrderService.Placed placed = orders.place(caller.site(), offering, email, name, code, caller.guesser());
        return Response.status(201).entity(order(placed.order(), false).toString()).build();
    }

    /** The order with its transactions. */
    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
        return order(orders.get(caller.siteId(), id), true).toString();
    }

    /**
     * Pays the order by card. 201 whatever the outcome (every attempt is recorded); the same
     * Idempotency-Key and body replays the first answer.
     */
    @POST
    @Path("{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response pay(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, String body) {
        return idempotent(id, key, "payments:", body, () -> {
            JsonBody b = JsonBody.parse(body, Set.of("card"));
            JsonBody card = b.object("card", Set.of("number", "expiry", "cvv", "holder"), true);
            String number = card == null ? null : card.string("number", true);
            String expiry = card == null ? null : card.string("expiry", true);
            String cvv = card == null ? null : card.string("cvv", false);
            String holder = card == null ? null : card.string("holder", false);
            b.finish();
            // MMYY as API.md says; MM/YY (as the error message shows it) and MM/YYYY are taken too.
            return payments.payByCard(caller.siteId(), id, Card.of(number,
                    org.eventcommerce.domain.payment.CardValidator.normalizeExpiry(expiry), cvv, holder));
        });
    }

    /**
     * Refunds the order (API.md "Orders and payments"): {@code {"amount": Money}}, or an empty body / {@code {}}
     * for the whole refundable remainder, in the payment's currency, through the provider that took it (a Payflow
     * credit against the PNREF, or Express Checkout's RefundTransaction; {@link RefundService}). 201
     * {@code {"transaction": {...}, "order": {...}}} whatever the provider answered (a declined credit is recorded
     * and changes nothing else); the same Idempotency-Key and body replays the first answer. Problems:
     * {@code /problems/order-not-paid} (409), {@code /problems/refund-exceeds-refundable} (422),
     * {@code /problems/currency-mismatch} (422), {@code /problems/refund-not-supported} (422, another provider took the
     * payment), {@code /problems/validation} (400, field {@code amount.amount}).
     */
    @POST
    @Path("{id}/refunds")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response refund(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, String body) {
        return idempotent(id, key, "refunds:", body, () -> {
            Money amount = optionalField(body, "amount", b -> b.money("amount", false));
            return refunds.refund(caller.siteId(), id, amount == null ? null : amount.amount(),
                    amount == null ? null : amount.currency());
        });
    }

    /**
     * Captures the order's authorized payment (sites whose payment action is Authorization; not part of API.md v1):
     * {@code {"amount": Money}}, or an empty body / {@code {}} for the whole authorization; never more than
     * authorized; with {@code Idempotency-Key}. 201 {@code {"transaction": {...}, "order": {...}}} whatever the
     * provider answered; on approval the order is PAID and access granted. Problems: {@code /problems/order-state}
     * (409, the order is not AUTHORIZED), {@code /problems/capture-exceeds-authorized} (422),
     * {@code /problems/currency-mismatch} (422), {@code /problems/transaction-state} (409, a capture or void in
     * flight), {@code /problems/validation} (400, field {@code amount.amount}).
     */
    @POST
    @Path("{id}/captures")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response capture(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, String body) {
        return idempotent(id, key, "captures:", body, () -> {
            Money amount = optionalField(body, "amount", b -> b.money("amount", false));
            return refunds.capture(caller.siteId(), id, amount == null ? null : amount.amount(),
                    amount == null ? null : amount.currency());
        });
    }

    /**
     * Voids a payment of the order that is still open (not part of API.md v1; added for platforms and tests): an
     * authorization not yet captured or a sale held for review (Payflow RESULT 126). Body {@code {"transaction":
     * "<transaction id>"}}, or empty / {@code {}} for the order's latest such transaction; with
     * {@code Idempotency-Key}. 201 {@code {"transaction": {...}, "order": {...}}}; on approval the order is
     * CANCELLED and its promotion-code use released. {@code /problems/transaction-state} (409) when nothing can be
     * voided.
     */
    @POST
    @Path("{id}/voids")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response voidPayment(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
                                String body) {
        return idempotent(id, key, "voids:", body, () -> {
            String transaction = optionalField(body, "transaction", b -> b.string("transaction", false));
            if (transaction == null) {
                transaction = transactions.ofOrder(orders.get(caller.siteId(), id)).stream()
                        .filter(FollowOnRecorder::isVoidable).reduce((a, b) -> b)
                        .map(PaymentTransaction::getPublicId)
                        .orElseThrow(() -> FollowOnRecorder.transactionState("The order has no payment to void"));
            } else if (!transactions.ofOrder(orders.get(caller.siteId(), id)).stream()
                    .map(PaymentTransaction::getPublicId).toList().contains(transaction)) {
                throw new NotFoundException("Transaction");
            }
            return refunds.voidPayment(caller.siteId(), transaction);
        });
    }

    /** The one optional field of an optional body (empty, {@code {}} or {@code {"<field>": ...}}), or null. */
    private static <T> T optionalField(String body, String field, Function<JsonBody, T> read) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonBody b = JsonBody.parse(body, Set.of(field));
        if (b.keys().contains(field) && !b.has(field)) {
            // {"amount": null} is not "no amount": a client that meant an amount must not refund everything.
            b.error(field, "validation.type.object");
        }
        T value = read.apply(b);
        b.finish();
        return value;
    }

    /**
     * Runs a money-moving write under the Idempotency-Key (API.md "Conventions"): a repeat of the same key and body
     * replays the stored answer; an error of the write releases the key (nothing changed), nothing after it does.
     */
    private Response idempotent(String id, String key, String scope, String body,
                                Supplier<PaymentTransaction> write) {
        orders.get(caller.siteId(), id);
        Optional<IdempotencyService.Stored> stored = idempotency.claim(caller.site(), key, scope + id,
                Json.canonical(body), transactionId -> recovered(id, transactionId));
        if (stored.isPresent()) {
            return Response.status(stored.get().status()).entity(stored.get().body()).build();
        }
        PaymentTransaction t;
        try {
            t = write.get();
        } catch (RuntimeException e) {
            idempotency.release(caller.site(), key);
            throw e;
        }
        // The write happened: from here the claim is never released (a repeat must not send it again), even if
        // the answer cannot be stored; a repeat then answers from the transaction the claim is linked to.
        String answer = answer(id, t);
        idempotency.finish(caller.site(), key, 201, answer);
        return Response.status(201).entity(answer).build();
    }

    /** The 201 body of a money-moving write: its transaction and the order as it is now. */
    private String answer(String orderId, PaymentTransaction t) {
        return Json.object().add("transaction", transaction(t))
                .add("order", order(orders.get(caller.siteId(), orderId), true)).build().toString();
    }

    /**
     * The answer of a claimed write whose process died after recording its transaction (IdempotencyService): the
     * same 201 body it would have given, once the reconciler has settled the transaction; empty while it is PENDING
     * or UNKNOWN.
     */
    private Optional<IdempotencyService.Stored> recovered(String orderId, long transactionId) {
        PaymentTransaction t = transactions.get(transactionId);
        if (t == null || !t.getOrder().getPublicId().equals(orderId)
                || t.getStatus() == PaymentStatus.PENDING || t.getStatus() == PaymentStatus.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(new IdempotencyService.Stored(201, answer(orderId, t)));
    }

    private JsonObject order(PurchaseOrder o, boolean withTransactions) {
        var b = Json.object().add("id", o.getPublicId()).add("status", o.getStatus().name())
                .add("offering", o.getOffering().getExternalId())
                .add("attendee", Json.object().add("email", o.getAttendee().getEmail())
                        .add("name", o.getAttendee().getDisplayName()))
                .add("listPrice", Json.money(o.getListPrice())).add("discount", Json.money(o.getDiscount()))
                .add("total", Json.money(o.getTotal())).add("refunded", Json.money(o.getRefunded()))
                .add("promotionCode", Json.string(o.getPromotionCode()))
                .add("paymentPageUrl", links.url(o));
        java.util.List<PaymentTransaction> all = transactions.ofOrder(o);
        // An addition to API.md: what was actually taken (approved sales and captures), less than "total" after a
        // partial capture.
        b.add("paid", Json.money(all.stream().filter(t -> t.getStatus() == PaymentStatus.APPROVED
                        && (t.getKind() == TransactionKind.SALE || t.getKind() == TransactionKind.CAPTURE))
                .map(PaymentTransaction::getAmount).reduce(Money.zero(o.getCurrency()), Money::plus)));
        if (withTransactions) {
            JsonArrayBuilder arr = Json.array();
            for (PaymentTransaction t : all) {
                arr.add(transaction(t));
            }
            b.add("transactions", arr);
        }
        return b.build();
    }

    private JsonObject transaction(PaymentTransaction t) {
        ZoneId zone = t.getSite().getTimeZone();
        return Json.object().add("id", t.getPublicId()).add("kind", t.getKind().name())
                .add("status", t.getStatus().name()).add("amount", Json.money(t.getAmount()))
                .add("mode", t.getMode().name()).add("reference", Json.string(t.getReference()))
                .add("original", Json.string(t.getOriginal() == null ? null : t.getOriginal().getPublicId()))
                .add("result", Json.string(t.getResultCode())).add("message", Json.string(t.getMessage()))
                .add("card", t.getCardLast4() == null ? jakarta.json.JsonValue.NULL
                        : Json.object().add("brand", t.getCardBrand()).add("last4", t.getCardLast4()).build())
                .add("createdAt", Json.instant(t.getCreatedAt(), zone)).build();
    }
}
