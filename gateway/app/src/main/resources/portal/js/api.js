// The admin API as the portal calls it: same-origin cookies, the CSRF token on every state change, and the
// admin error body {status, error, detail} turned into an ApiError whose message is the detail.

const BASE = '/admin/v1';

let csrfToken = null;
let onSessionEnded = () => {};

/** An admin API answer that was not 2xx. */
export class ApiError extends Error {
  constructor(status, error, detail) {
    super(detail || `The server answered ${status}`);
    this.status = status;
    this.error = error;
  }
}

/** Called with the session's CSRF token (null for bearer sessions) once GET /session answered. */
export function useCsrfToken(token) {
  csrfToken = token;
}

/** What to do when a call answers 401 (the session ended or was revoked). */
export function whenSessionEnds(callback) {
  onSessionEnded = callback;
}

/** path + query string, leaving out empty values. */
export function withQuery(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      query.set(key, String(value));
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export async function request(method, path, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', 'The gateway could not be reached. Check your connection and try again.');
  }
  const payload = await readJson(response);
  if (!response.ok) {
    if (response.status === 401 && path !== '/session') {
      onSessionEnded();
    }
    throw new ApiError(response.status, payload && payload.error, payload && payload.detail);
  }
  return payload;
}

async function readJson(response) {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

export const api = {
  get: (path, params) => request('GET', withQuery(path, params)),
  post: (path, body = {}, headers) => request('POST', path, body, headers),
  put: (path, body) => request('PUT', path, body),
  patch: (path, body) => request('PATCH', path, body),
  del: (path) => request('DELETE', path),
};

/** Paths of one tenant's resources. */
export function tenantPath(tenantId, rest = '') {
  return `/tenants/${encodeURIComponent(tenantId)}${rest}`;
}
