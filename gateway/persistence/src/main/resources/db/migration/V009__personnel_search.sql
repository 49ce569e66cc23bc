-- The Personnel screen at 100,000 people per tenant: search, the connection filter and keyset pages.

-- `q` is a case-insensitive prefix of display name, userName or e-mail: three btree range scans OR-ed into one
-- bitmap, no extension needed (pg_trgm would allow substrings, but CREATE EXTENSION is not ours to assume).
-- text_pattern_ops compares bytes, so `~>=~ prefix AND ~<~ prefix || U+10FFFF` is a range whatever the collation.
CREATE INDEX personnel_display_name_prefix ON personnel (tenant_id, lower(display_name) text_pattern_ops);
CREATE INDEX personnel_user_name_prefix ON personnel (tenant_id, lower(user_name) text_pattern_ops);
CREATE INDEX personnel_email_prefix ON personnel (tenant_id, lower(email) text_pattern_ops);

-- `connectionId`: one connection's people in page order (the status filter has personnel_tenant_status).
CREATE INDEX personnel_tenant_connection ON personnel (tenant_id, connection_id, created_at, user_id);
