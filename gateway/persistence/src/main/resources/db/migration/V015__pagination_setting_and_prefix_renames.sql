-- Whether a connection's /ServiceProviderConfig carries RFC 9865's `pagination` attribute. Off by default: the
-- UnboundID / Ping Identity SCIM 2 SDK 4.x refuses the whole document with it ("Core attribute pagination is
-- undefined"); 5.x reads it. Cursor paging works either way; this only decides whether it is advertised.
ALTER TABLE connections ADD COLUMN advertise_pagination boolean NOT NULL DEFAULT false;
