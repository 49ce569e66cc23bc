/**
 * The admin side of the invite pipeline: auto-invite settings, personnel, webhook endpoints and deliveries
 * (schema: {@code V004__invite_pipeline.sql}). Writes that the relay must react to insert their outbox event in
 * their own transaction, like the SCIM triggers do, so that no change is lost between commit and relay.
 */
package io.scimgate.persistence.invites;
