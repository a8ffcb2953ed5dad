package io.github.formancecommunity.orchestration.client.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;

import tools.jackson.databind.annotation.JsonDeserialize;

/** Marks a date-time of a response model as read by {@link RfcDateTime}: every RFC 3339 form is accepted. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@JacksonAnnotationsInside
@JsonDeserialize(using = RfcDateTime.Deserializer.class)
@interface RfcTime {
}
