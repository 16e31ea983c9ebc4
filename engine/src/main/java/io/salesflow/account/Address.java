package io.salesflow.account;

/** A postal address; {@code country} is an ISO 3166-1 alpha-2 code. */
public record Address(String street, String city, String postalCode, String region, String country) {}
