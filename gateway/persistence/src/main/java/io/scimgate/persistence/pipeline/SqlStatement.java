package io.scimgate.persistence.pipeline;

import io.vertx.sqlclient.Tuple;

/** A statement's text and its bind parameters, built together so that placeholders and values agree. */
record SqlStatement(String sql, Tuple params) {}
