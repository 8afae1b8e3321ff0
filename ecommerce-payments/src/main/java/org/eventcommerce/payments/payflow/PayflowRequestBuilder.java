package org.eventcommerce.payments.payflow;

import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.SequencedMap;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.Card;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * Turns a {@link PaymentRequest} into the Payflow request fields, in wire order, and refuses requests that are
 * programming errors.
 *
 * <p>Fields, in this order (only those that apply) [PFP-2009 Table 4.1 pp.26-27; WPPPF-2009 Table 3.2; §1.4]:
 * <ol>
 *   <li>{@code TRXTYPE} ({@link TransactionKind#payflowTrxType()}), {@code TENDER=C} (card);</li>
 *   <li>{@code PARTNER}, {@code VENDOR}, {@code USER}, {@code PWD};</li>
 *   <li>SALE, AUTHORIZATION: {@code ACCT}, {@code EXPDATE} (MMYY), {@code CVV2} when present,
 *       {@code BILLTOFIRSTNAME}/{@code BILLTOLASTNAME} when a holder name is present (split at the last space;
 *       a single word goes to {@code BILLTOLASTNAME} only) [SDK CHANGELOG 5.0.0 renamed FIRSTNAME to BILLTO*];</li>
 *   <li>CAPTURE, VOID, CREDIT and INQUIRY by reference: {@code ORIGID} = the original PNREF [PFP-2009 pp.38-40];</li>
 *   <li>{@code AMT} = {@link Money#toPlainString()} (dot, exactly the currency's decimals, no grouping, e.g.
 *       {@code 1234.50}, {@code 1500} for JPY), except for VOID and INQUIRY [PFP-2009 Table 4.1 "AMT"];</li>
 *   <li>{@code CURRENCY} = ISO 4217 code, on every request (RESULT 6 = invalid currency; §1.4);</li>
 *   <li>{@code CUSTREF} = the attempt's {@link org.eventcommerce.payments.Attempt#custRef()}, except for an INQUIRY
 *       by CUSTREF where it is the CUSTREF asked about (§1.8);</li>
 *   <li>{@code VERBOSITY=HIGH}, so answers carry {@code AMT} for the duplicate check (DESIGN.md step 4; §1.4);</li>
 *   <li>{@code COMMENT1} and {@code INVNUM} when given (never truncated here).</li>
 * </ol>
 * Values are raw (Unicode allowed); {@link NvpEncoder} folds them to ASCII and tags them.
 *
 * <p>Stateless and thread-safe.
 */
public final class PayflowRequestBuilder {

    private PayflowRequestBuilder() {
    }

    /**
     * The request fields for {@code request} sent with {@code credentials}.
     *
     * @param request     the provider-neutral call
     * @param credentials the account (PARTNER, VENDOR, USER, PWD)
     * @return name → raw value in wire order, unmodifiable
     * @throws IllegalArgumentException for a request Payflow cannot carry: SALE/AUTHORIZATION without a card or
     *                                  with an original reference (reference transactions are not supported) or
     *                                  with a card number that fails the Luhn check (never sent, issue 5); a
     *                                  card on any other kind; CAPTURE/VOID/CREDIT without an original reference;
     *                                  an INQUIRY without exactly one of original reference and CUSTREF; an
     *                                  inquiry CUSTREF on another kind; a negative amount; a zero amount for SALE,
     *                                  CAPTURE or CREDIT (AUTHORIZATION of zero is account verification, §1.4).
     *                                  Messages never hold card data.
     * @throws NullPointerException     when an argument is null
     */
    public static SequencedMap<String, String> fields(PaymentRequest request, PayflowCredentials credentials) {
        return fields(request, credentials, false);
    }

    /**
     * The request fields for {@code request}, with {@code TENDER=P} instead of {@code C} when {@code paypalTender}:
     * the follow-ons of a payment made by Express Checkout through Payflow. The Express Checkout for Payflow guide
     * gives {@code TENDER} "It is always P" for the Void, Credit and Delayed Capture of such a payment, each with
     * {@code ORIGID} = the PNREF of the original Do Express Checkout Payment [PFP-EC 2013 Appendix A, Tables A.13
     * "Void request parameters", A.15 "Credit request parameters" (AMT optional: "Required if the amount to credit
     * differs from the original"), A.17 "Delayed Capture request parameters"; §1.9]. An inquiry by PNREF or CUSTREF
     * on such a payment carries the same tender. The other fields are those of {@link #fields(PaymentRequest,
     * PayflowCredentials)}; AMT is always sent for CAPTURE and CREDIT (harmless when it is the whole amount).
     *
     * @param paypalTender true for a follow-on of a PayPal (Express Checkout) payment
     * @throws IllegalArgumentException as {@link #fields(PaymentRequest, PayflowCredentials)}, and for a SALE or
     *                                  AUTHORIZATION with {@code paypalTender} (those go through
     *                                  {@link #doExpressCheckoutFields})
     */
    public static SequencedMap<String, String> fields(PaymentRequest request, PayflowCredentials credentials,
                                                      boolean paypalTender) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(credentials, "credentials");
        validate(request);
        TransactionKind kind = request.kind();
        if (paypalTender && (kind == TransactionKind.SALE || kind == TransactionKind.AUTHORIZATION)) {
            throw new IllegalArgumentException(kind + " with TENDER=P is an Express Checkout payment (ACTION=D)");
        }
        SequencedMap<String, String> f = new LinkedHashMap<>();
        f.put("TRXTYPE", kind.payflowTrxType());
        f.put("TENDER", paypalTender ? "P" : "C");
        putCredentials(f, credentials);
        Card card = request.card();
        if (card != null) {
            f.put("ACCT", card.number());
            f.put("EXPDATE", card.expiry());
            if (card.cvv() != null && !card.cvv().isBlank()) {
                f.put("CVV2", card.cvv());
            }
            String[] names = splitHolder(card.holder());
            if (names[0] != null) {
                f.put("BILLTOFIRSTNAME", names[0]);
            }
            if (names[1] != null) {
                f.put("BILLTOLASTNAME", names[1]);
            }
        }
        if (request.originalReference() != null && !request.originalReference().isBlank()) {
            f.put("ORIGID", request.originalReference());
        }
        if (sendsAmount(kind)) {
            f.put("AMT", request.amount().toPlainString());
        }
        f.put("CURRENCY", request.amount().currency().getCurrencyCode());
        boolean byCustRef = request.inquiryCustRef() != null && !request.inquiryCustRef().isBlank();
        f.put("CUSTREF", byCustRef ? request.inquiryCustRef() : request.attempt().custRef());
        f.put("VERBOSITY", "HIGH");
        if (request.comment() != null) {
            f.put("COMMENT1", request.comment());
        }
        if (request.invoiceNumber() != null) {
            f.put("INVNUM", request.invoiceNumber());
        }
        return Collections.unmodifiableSequencedMap(f);
    }

    /**
     * The fields of a Secure Token request [DEV secure-token page; Gateway guide 2012 p.29; §1.7], in this order:
     * {@code TRXTYPE} (S or A), {@code PARTNER}, {@code VENDOR}, {@code USER}, {@code PWD}, {@code AMT},
     * {@code CURRENCY}, {@code CREATESECURETOKEN=Y}, {@code SECURETOKENID}, {@code RETURNURL}, {@code CANCELURL},
     * {@code ERRORURL}, {@code SILENTPOSTURL} (when given), {@code TEMPLATE} (when given), {@code CUSTREF},
     * {@code VERBOSITY=HIGH}, {@code COMMENT1} and {@code INVNUM} (when given). No TENDER and no card fields: the
     * guide's example request has neither; the buyer types the card on PayPal's page.
     *
     * @param request     the token request
     * @param credentials the account
     * @return name → raw value in wire order, unmodifiable
     * @throws NullPointerException when an argument is null
     */
    public static SequencedMap<String, String> secureTokenFields(SecureTokenRequest request,
                                                                 PayflowCredentials credentials) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(credentials, "credentials");
        SequencedMap<String, String> f = new LinkedHashMap<>();
        f.put("TRXTYPE", request.kind().payflowTrxType());
        putCredentials(f, credentials);
        f.put("AMT", request.amount().toPlainString());
        f.put("CURRENCY", request.amount().currency().getCurrencyCode());
        f.put("CREATESECURETOKEN", "Y");
        f.put("SECURETOKENID", request.secureTokenId());
        f.put("RETURNURL", request.returnUrl().toString());
        f.put("CANCELURL", request.cancelUrl().toString());
        f.put("ERRORURL", request.errorUrl().toString());
        if (request.silentPostUrl() != null) {
            f.put("SILENTPOSTURL", request.silentPostUrl().toString());
        }
        if (request.template() != null && !request.template().isBlank()) {
            f.put("TEMPLATE", request.template());
        }
        f.put("CUSTREF", request.attempt().custRef());
        f.put("VERBOSITY", "HIGH");
        if (request.comment() != null) {
            f.put("COMMENT1", request.comment());
        }
        if (request.invoiceNumber() != null) {
            f.put("INVNUM", request.invoiceNumber());
        }
        return Collections.unmodifiableSequencedMap(f);
    }

    /**
     * Set Express Checkout through Payflow [PFP-EC pp.9-13; §1.9]: {@code TRXTYPE} (S or A), {@code TENDER=P},
     * credentials, {@code ACTION=S}, {@code AMT}, {@code CURRENCY}, {@code RETURNURL}, {@code CANCELURL},
     * {@code CUSTREF}, {@code VERBOSITY=HIGH}, then {@code INVNUM} and {@code COMMENT1} when given.
     *
     * @throws NullPointerException when an argument is null
     */
    public static SequencedMap<String, String> setExpressCheckoutFields(ExpressCheckoutSetup setup,
                                                                        PayflowCredentials credentials) {
        Objects.requireNonNull(setup, "setup");
        SequencedMap<String, String> f = expressCheckoutStart(setup.kind(), "S", credentials);
        f.put("AMT", setup.amount().toPlainString());
        f.put("CURRENCY", setup.amount().currency().getCurrencyCode());
        f.put("RETURNURL", setup.returnUrl().toString());
        f.put("CANCELURL", setup.cancelUrl().toString());
        f.put("CUSTREF", setup.attempt().custRef());
        f.put("VERBOSITY", "HIGH");
        if (setup.invoiceNumber() != null) {
            f.put("INVNUM", setup.invoiceNumber());
        }
        if (setup.comment() != null) {
            f.put("COMMENT1", setup.comment());
        }
        return Collections.unmodifiableSequencedMap(f);
    }

    /**
     * Get Express Checkout Details through Payflow [PFP-EC pp.14-15; §1.9]: {@code TRXTYPE}, {@code TENDER=P},
     * credentials, {@code ACTION=G}, {@code TOKEN}, {@code CURRENCY} (every request names its currency),
     * {@code CUSTREF}, {@code VERBOSITY=HIGH}.
     *
     * @throws IllegalArgumentException when the token is blank or the kind is not SALE/AUTHORIZATION
     * @throws NullPointerException     when an argument is null
     */
    public static SequencedMap<String, String> getExpressCheckoutFields(Attempt attempt, TransactionKind kind,
                                                                        String token, Currency currency,
                                                                        PayflowCredentials credentials) {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(currency, "currency");
        requireText(token, "TOKEN");
        SequencedMap<String, String> f = expressCheckoutStart(kind, "G", credentials);
        f.put("TOKEN", token);
        f.put("CURRENCY", currency.getCurrencyCode());
        f.put("CUSTREF", attempt.custRef());
        f.put("VERBOSITY", "HIGH");
        return Collections.unmodifiableSequencedMap(f);
    }

    /**
     * Do Express Checkout Payment through Payflow [PFP-EC pp.15-17; §1.9]: {@code TRXTYPE}, {@code TENDER=P},
     * credentials, {@code ACTION=D}, {@code TOKEN}, {@code PAYERID}, {@code AMT}, {@code CURRENCY}, {@code CUSTREF},
     * {@code VERBOSITY=HIGH}.
     *
     * @throws IllegalArgumentException when token or payer id is blank, the amount is not positive or the kind is not
     *                                  SALE/AUTHORIZATION
     * @throws NullPointerException     when an argument is null
     */
    public static SequencedMap<String, String> doExpressCheckoutFields(Attempt attempt, TransactionKind kind,
                                                                       String token, String payerId, Money amount,
                                                                       PayflowCredentials credentials) {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(amount, "amount");
        requireText(token, "TOKEN");
        requireText(payerId, "PAYERID");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("Express Checkout payment needs a positive amount");
        }
        SequencedMap<String, String> f = expressCheckoutStart(kind, "D", credentials);
        f.put("TOKEN", token);
        f.put("PAYERID", payerId);
        f.put("AMT", amount.toPlainString());
        f.put("CURRENCY", amount.currency().getCurrencyCode());
        f.put("CUSTREF", attempt.custRef());
        f.put("VERBOSITY", "HIGH");
        return Collections.unmodifiableSequencedMap(f);
    }

    private static SequencedMap<String, String> expressCheckoutStart(TransactionKind kind, String action,
                                                                     PayflowCredentials credentials) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(credentials, "credentials");
        if (kind != TransactionKind.SALE && kind != TransactionKind.AUTHORIZATION) {
            throw new IllegalArgumentException("Express Checkout is a SALE or an AUTHORIZATION, not " + kind);
        }
        SequencedMap<String, String> f = new LinkedHashMap<>();
        f.put("TRXTYPE", kind.payflowTrxType());
        f.put("TENDER", "P");
        putCredentials(f, credentials);
        f.put("ACTION", action);
        return f;
    }

    private static void putCredentials(SequencedMap<String, String> f, PayflowCredentials credentials) {
        f.put("PARTNER", credentials.partner());
        f.put("VENDOR", credentials.vendor());
        f.put("USER", credentials.user());
        f.put("PWD", credentials.password());
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * Whether a kind's request carries {@code AMT}.
     *
     * @param kind the transaction kind
     * @return true for all but VOID and INQUIRY
     */
    public static boolean sendsAmount(TransactionKind kind) {
        return kind != TransactionKind.VOID && kind != TransactionKind.INQUIRY;
    }

    /**
     * Splits a cardholder name at its last space, after collapsing runs of white space:
     * {@code "Noémie  Brâncuși"} → {@code ["Noémie", "Brâncuși"]}, {@code "Ruff & Johnson=Co"} →
     * {@code ["Ruff &", "Johnson=Co"]}, {@code "Cher"} → {@code [null, "Cher"]}, null or blank → {@code [null, null]}.
     *
     * @param holder the cardholder's name as typed, may be null
     * @return a two-element array: first name(s) or null, last name or null
     */
    public static String[] splitHolder(String holder) {
        if (holder == null || holder.isBlank()) {
            return new String[] {null, null};
        }
        String name = holder.strip().replaceAll("\\s+", " ");
        int space = name.lastIndexOf(' ');
        if (space < 0) {
            return new String[] {null, name};
        }
        return new String[] {name.substring(0, space), name.substring(space + 1)};
    }

    private static void validate(PaymentRequest r) {
        TransactionKind kind = r.kind();
        Money amount = r.amount();
        if (amount.amount().signum() < 0) {
            throw new IllegalArgumentException(kind + ": amount must not be negative");
        }
        if (r.inquiryCustRef() != null && kind != TransactionKind.INQUIRY) {
            throw new IllegalArgumentException(kind + ": an inquiry CUSTREF belongs to an INQUIRY only");
        }
        switch (kind) {
            case SALE, AUTHORIZATION -> {
                if (r.card() == null) {
                    throw new IllegalArgumentException(kind + " requires a card");
                }
                // The last guard before the wire (issue 5, "checked by Luhn before any provider call"): callers
                // validate first (CardValidator gives the attendee a message); a number that slipped past them is
                // a programming error and is never sent. The message names no digit.
                if (!r.card().passesLuhn()) {
                    throw new IllegalArgumentException(kind + ": the card number fails the Luhn check; not sent");
                }
                if (r.originalReference() != null) {
                    throw new IllegalArgumentException(kind + ": reference transactions (ORIGID) are not supported");
                }
                if (kind == TransactionKind.SALE && amount.isZero()) {
                    throw new IllegalArgumentException("SALE requires a positive amount");
                }
            }
            case CAPTURE, VOID, CREDIT -> {
                if (r.originalReference() == null || r.originalReference().isBlank()) {
                    throw new IllegalArgumentException(kind + " requires the original reference (ORIGID)");
                }
                if (r.card() != null) {
                    throw new IllegalArgumentException(kind + " takes no card");
                }
                if (kind != TransactionKind.VOID && amount.isZero()) {
                    throw new IllegalArgumentException(kind + " requires a positive amount");
                }
            }
            case INQUIRY -> {
                boolean byRef = r.originalReference() != null && !r.originalReference().isBlank();
                boolean byCustRef = r.inquiryCustRef() != null && !r.inquiryCustRef().isBlank();
                if (byRef == byCustRef) {
                    throw new IllegalArgumentException(
                            "INQUIRY requires exactly one of original reference (ORIGID) and CUSTREF");
                }
                if (r.card() != null) {
                    throw new IllegalArgumentException("INQUIRY takes no card");
                }
            }
        }
    }
}
