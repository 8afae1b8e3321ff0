package org.eventcommerce.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider-neutral contract: which outcomes are final, and the two transport-failure results. */
class PaymentStatusTest {

    @Test
    void onlyApprovedDeclinedAndNotSentAreFinal() {
        assertThat(Arrays.stream(PaymentStatus.values()).filter(PaymentStatus::isFinal))
                .containsExactlyInAnyOrder(PaymentStatus.APPROVED, PaymentStatus.DECLINED, PaymentStatus.NOT_SENT);
        assertThat(PaymentStatus.PENDING.isFinal()).isFalse();
        assertThat(PaymentStatus.HELD.isFinal()).isFalse();
        assertThat(PaymentStatus.UNKNOWN.isFinal()).isFalse();
    }

    @Test
    void transportFailureResults() {
        PaymentResult notSent = PaymentResult.notSent("connection refused");
        assertThat(notSent.status()).isEqualTo(PaymentStatus.NOT_SENT);
        assertThat(notSent.message()).isEqualTo("connection refused");
        assertThat(notSent.resultCode()).isNull();
        assertThat(notSent.reference()).isNull();
        assertThat(notSent.duplicate()).isFalse();
        assertThat(notSent.fields()).isEmpty();

        PaymentResult unknown = PaymentResult.unknown("read timed out");
        assertThat(unknown.status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(unknown.message()).isEqualTo("read timed out");
        assertThat(unknown.amount()).isNull();
    }

    @Test
    void resultFieldsAreAnImmutableCopy() {
        var fields = new java.util.HashMap<>(Map.of("RESULT", "0"));
        PaymentResult r = new PaymentResult(PaymentStatus.APPROVED, "0", "Approved", "PN1", "A1", null, false, null,
                fields);
        fields.put("PNREF", "changed");
        assertThat(r.fields()).containsExactly(Map.entry("RESULT", "0"));
        assertThat(new PaymentResult(PaymentStatus.DECLINED, "12", "Declined", null, null, null, false, null, null)
                .fields()).isEmpty();
    }
}
