/**
 * Every statement of the invite pipeline (schema: {@code V004__invite_pipeline.sql} and later): the relay's claim of
 * a tenant's outbox events and their positions, the personnel and invitation statements of the policy, webhook and
 * e-mail deliveries as a work queue, the events feed's page and the prune; and the admin side: auto-invite settings,
 * personnel, invitation links, webhook endpoints and deliveries. The {@code invites} module runs the pipeline and
 * holds no SQL. Writes that the relay must react to insert their outbox event in their own transaction, like the
 * SCIM triggers do, so that no change is lost between commit and relay.
 */
package io.scimgate.persistence.pipeline;
