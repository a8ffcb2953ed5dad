package io.github.formancecommunity.orchestration.client.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The scheme of a payment, the inline enum of {@code Payment.scheme} in the spec. An open enum: the eighteen spec
 * values (lower case, some with spaces) have constants, and any other value is kept as it came instead of failing.
 *
 * @param value the value as sent on the wire
 */
public record PaymentScheme(String value) implements OpenEnum {

    /** Visa. */
    public static final PaymentScheme VISA = new PaymentScheme("visa");
    /** Mastercard. */
    public static final PaymentScheme MASTERCARD = new PaymentScheme("mastercard");
    /** American Express. */
    public static final PaymentScheme AMEX = new PaymentScheme("amex");
    /** Diners Club. */
    public static final PaymentScheme DINERS = new PaymentScheme("diners");
    /** Discover. */
    public static final PaymentScheme DISCOVER = new PaymentScheme("discover");
    /** JCB. */
    public static final PaymentScheme JCB = new PaymentScheme("jcb");
    /** UnionPay. */
    public static final PaymentScheme UNIONPAY = new PaymentScheme("unionpay");
    /** SEPA direct debit. */
    public static final PaymentScheme SEPA_DEBIT = new PaymentScheme("sepa debit");
    /** SEPA credit transfer. */
    public static final PaymentScheme SEPA_CREDIT = new PaymentScheme("sepa credit");
    /** SEPA. */
    public static final PaymentScheme SEPA = new PaymentScheme("sepa");
    /** Apple Pay. */
    public static final PaymentScheme APPLE_PAY = new PaymentScheme("apple pay");
    /** Google Pay. */
    public static final PaymentScheme GOOGLE_PAY = new PaymentScheme("google pay");
    /** Account to account. */
    public static final PaymentScheme A2A = new PaymentScheme("a2a");
    /** ACH debit. */
    public static final PaymentScheme ACH_DEBIT = new PaymentScheme("ach debit");
    /** ACH. */
    public static final PaymentScheme ACH = new PaymentScheme("ach");
    /** Real-time payments. */
    public static final PaymentScheme RTP = new PaymentScheme("rtp");
    /** Unknown scheme, as reported by the provider. */
    public static final PaymentScheme UNKNOWN = new PaymentScheme("unknown");
    /** Any other scheme. */
    public static final PaymentScheme OTHER = new PaymentScheme("other");

    private static final OpenEnumValues<PaymentScheme> VALUES = OpenEnumValues.of(PaymentScheme::new,
            VISA, MASTERCARD, AMEX, DINERS, DISCOVER, JCB, UNIONPAY, SEPA_DEBIT, SEPA_CREDIT, SEPA, APPLE_PAY,
            GOOGLE_PAY, A2A, ACH_DEBIT, ACH, RTP, UNKNOWN, OTHER);


    public PaymentScheme {
        Objects.requireNonNull(value, "value");
    }

    /** Returns the constant for a known value, a new instance holding an unknown one, {@code null} for {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static @Nullable PaymentScheme of(@Nullable String value) {
        return VALUES.of(value);
    }

    /** Whether the value is one the spec lists, compared by value. */
    @Override
    public boolean isKnown() {
        return VALUES.isKnown(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
