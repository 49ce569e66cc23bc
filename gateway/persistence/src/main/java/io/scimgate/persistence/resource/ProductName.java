package io.scimgate.persistence.resource;

/**
 * The product-side name of a group as a request computed it ({@code "Okta SCIM - Contractors"}), with the
 * connection's group prefix it was computed with. The store swaps that prefix for the connection's prefix as
 * committed when it writes (see {@link GroupRepository}): a request that saw the connection just before its prefix
 * changed cannot bring the old prefix back.
 */
public record ProductName(String prefix, String name) {}
