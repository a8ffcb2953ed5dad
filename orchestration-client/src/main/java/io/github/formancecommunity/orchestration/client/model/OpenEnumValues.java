package io.github.formancecommunity.orchestration.client.model;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The known values of one {@link OpenEnum} type and the lookup every open enum shares: a known value resolves to
 * its constant, any other value to a new instance, and {@link #isKnown(String)} compares by value.
 *
 * @param <T> the open enum type
 */
final class OpenEnumValues<T extends OpenEnum> {

    private final Map<String, T> known;
    private final Function<String, T> factory;

    private OpenEnumValues(Map<String, T> known, Function<String, T> factory) {
        this.known = known;
        this.factory = factory;
    }

    /** The known constants of a type and how to make an instance for any other value. */
    @SafeVarargs
    static <T extends OpenEnum> OpenEnumValues<T> of(Function<String, T> factory, T... constants) {
        return new OpenEnumValues<>(Arrays.stream(constants)
                .collect(Collectors.toUnmodifiableMap(OpenEnum::value, Function.identity())), factory);
    }

    /** The constant of a known value, a new instance for any other, {@code null} for {@code null}. */
    @Nullable T of(@Nullable String value) {
        if (value == null) {
            return null;
        }
        T constant = known.get(value);
        return constant != null ? constant : factory.apply(value);
    }

    /** Whether the value is one of the known constants' values. */
    boolean isKnown(String value) {
        return known.containsKey(value);
    }
}
