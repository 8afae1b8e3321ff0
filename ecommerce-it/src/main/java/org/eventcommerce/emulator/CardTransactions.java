package org.eventcommerce.emulator;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Sale ({@code TRXTYPE=S}) and Authorization ({@code TRXTYPE=A}) with a card (paypal-protocols.md §1.4, §1.10).
 *
 * <p>Checks, in order: CURRENCY supported and allowed for the account's product (else 6; the UK product,
 * partner PayPalUK, takes USD, EUR, GBP, CAD, JPY, AUD only, §2), AMT in {@code #####.##} (else 4; a zero sale is 4 too,
 * a zero authorization is an account verification answered "Verified"), ACCT a pilot test card (else 23),
 * EXPDATE MMYY not past (else 24). Then the pilot amount rules ({@link PilotAmountRules}) or a forced RESULT
 * decide; AVS and CVV2 are simulated ({@link AvsSimulator}, {@link Cvv2Simulator}). RESULT 0 and 126 carry an
 * AUTHCODE and leave an authorization (126 is held for review, §1.6).
 */
final class CardTransactions {

    private final TransactionRecorder recorder;
    private final EmulatorControl control;
    private final ExpiryDate expiry;
    private final VerbosityFields verbosity;
    private final PilotAmountRules amountRules = new PilotAmountRules();
    private final AvsSimulator avs = new AvsSimulator();
    private final Cvv2Simulator cvv2 = new Cvv2Simulator();

    CardTransactions(TransactionRecorder recorder, EmulatorControl control, ExpiryDate expiry,
                     VerbosityFields verbosity) {
        this.recorder = recorder;
        this.control = control;
        this.expiry = expiry;
        this.verbosity = verbosity;
    }

    NvpResponse process(PayflowCall call) {
        NvpRequest request = call.request();
        String trxType = call.trxType();
        String currency = request.nonEmpty("CURRENCY");
        String acct = request.nonEmpty("ACCT");
        String lastFour = TestCards.lastFour(acct);

        Optional<Integer> decimals = SupportedCurrencies.decimals(currency);
        if (decimals.isEmpty() || !SupportedCurrencies.isAllowedFor(call.account(), currency)) {
            return refuse(call, null, currency, lastFour, PayflowResult.INVALID_CURRENCY);
        }
        Optional<BigDecimal> parsed = AmountFormat.parse(request.nonEmpty("AMT"), decimals.get());
        if (parsed.isEmpty() || ("S".equals(trxType) && parsed.get().signum() == 0)) {
            return refuse(call, null, currency, lastFour, PayflowResult.INVALID_AMOUNT);
        }
        BigDecimal amount = parsed.get();
        Optional<CardType> card = TestCards.lookup(acct);
        if (card.isEmpty()) {
            return refuse(call, amount, currency, lastFour, PayflowResult.INVALID_ACCOUNT_NUMBER);
        }
        if (!expiry.isValid(request.nonEmpty("EXPDATE"))) {
            return refuse(call, amount, currency, lastFour, PayflowResult.INVALID_EXPIRATION_DATE);
        }

        OptionalInt forced = control.takeForcedResult();
        int result = forced.isPresent() ? forced.getAsInt() : amountRules.resultFor(amount);
        boolean verification = "A".equals(trxType) && amount.signum() == 0;
        String respmsg = verification && result == PayflowResult.APPROVED ? "Verified" : PayflowResult.message(result);
        String authCode = PayflowResult.leavesAuthorization(result) ? recorder.authCode() : null;

        Transaction t = recorder.record(call, new TransactionRecorder.Draft(trxType, amount, currency, null,
                lastFour, card.get(), result, respmsg, authCode));

        AvsSimulator.Avs avsResult = avs.check(first(request, "BILLTOSTREET", "STREET"),
                first(request, "BILLTOZIP", "ZIP"));
        NvpResponse.Builder response = NvpResponse.result(result)
                .add("PNREF", t.pnref)
                .add("RESPMSG", respmsg)
                .add("AUTHCODE", authCode)
                .add("AVSADDR", avsResult.address())
                .add("AVSZIP", avsResult.zip())
                .add("CVV2MATCH", cvv2.check(request.nonEmpty("CVV2")));
        if (result == PayflowResult.UNDER_FRAUD_REVIEW) {
            response.add("PREFPSMSG", "Review");
        }
        if (VerbosityFields.isHigh(t.verbosity)) {
            verbosity.addTo(response, t);
        }
        return response.build();
    }

    private NvpResponse refuse(PayflowCall call, BigDecimal amount, String currency, String lastFour, int result) {
        Transaction t = recorder.record(call, new TransactionRecorder.Draft(call.trxType(), amount, currency, null,
                lastFour, null, result, PayflowResult.message(result), null));
        return NvpResponse.result(result).add("PNREF", t.pnref).add("RESPMSG", t.respmsg).build();
    }

    private static String first(NvpRequest request, String name, String legacyName) {
        String value = request.nonEmpty(name);
        return value != null ? value : request.nonEmpty(legacyName);
    }
}
