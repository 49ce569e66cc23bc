// What the SCIM screens share about connections: their activity (from the request-log helper) and its pill.
import { api, tenantPath } from '../api.js';

/** The connection's activity, or a stand-in from its status when the gateway does not report one. */
export function activity(connection) {
  if (connection.activity) {
    return connection.activity;
  }
  let stateName = 'waiting';
  if (connection.status === 'disabled') {
    stateName = 'disabled';
  } else if (connection.connectorLoaded === false) {
    stateName = 'connector_missing';
  }
  return { state: stateName, firstRequestAt: null, lastRequestAt: null, users: null, groups: null,
    failuresLast24h: null };
}

export function connectionPath(tenantId, connectionId = '', rest = '') {
  return tenantPath(tenantId, `/connections${connectionId ? `/${encodeURIComponent(connectionId)}` : ''}${rest}`);
}

export function getConnection(tenantId, connectionId) {
  return api.get(connectionPath(tenantId, connectionId));
}

export function count(value) {
  return value === null || value === undefined ? '—' : String(value);
}
