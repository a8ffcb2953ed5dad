package io.github.formancecommunity.orchestration.client.model;

/**
 * A value of an open enum: a string field whose spec values have constants while any other value is kept as it
 * came instead of failing ({@link ErrorCode}, {@link Connector}, {@link PaymentScheme}, {@link PaymentStatus},
 * {@link PaymentType}, {@link TransferType}). Two values are equal when their wire values are equal.
 */
public interface OpenEnum {

    /** The value as sent on the wire. */
    String value();

    /** Whether the value is one the spec lists, compared by value. */
    boolean isKnown();
}
