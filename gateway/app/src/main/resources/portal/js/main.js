// The portal's shell: loads the session, routes the location hash to a screen, draws the header and tabs.
import { api, tenantPath, useCsrfToken, whenSessionEnds, ApiError } from './api.js';
import { h, replace } from './dom.js';
import { alertBox, button, flash } from './ui.js';
import * as signin from './screens/signin.js';
import * as operator from './screens/operator.js';
import * as scimSettings from './screens/scim-settings.js';
import * as addConnection from './screens/add-connection.js';
import * as connectionDetail from './screens/connection-detail.js';
import * as personnel from './screens/personnel.js';
import * as personnelSettings from './screens/personnel-settings.js';
import * as apiReference from './screens/api-reference.js';

/** Hash routes (docs/architecture.md, "Admin portal"); the first group of a tenant route is the tenant id. */
const ROUTES = [
  { pattern: /^\/signin$/, screen: signin, open: true },
  { pattern: /^\/api$/, screen: apiReference, open: true },
  { pattern: /^\/operator$/, screen: operator, operatorOnly: true },
  { pattern: /^\/t\/([^/]+)\/scim$/, screen: scimSettings, tab: 'scim' },
  { pattern: /^\/t\/([^/]+)\/scim\/add$/, screen: addConnection, tab: 'scim' },
  { pattern: /^\/t\/([^/]+)\/scim\/connections\/([^/]+)$/, screen: connectionDetail, tab: 'scim' },
  { pattern: /^\/t\/([^/]+)\/personnel$/, screen: personnel, tab: 'personnel' },
  { pattern: /^\/t\/([^/]+)\/personnel\/settings$/, screen: personnelSettings, tab: 'personnel-settings' },
];

const TABS = [
  ['scim', 'SCIM Settings', (t) => `#/t/${t}/scim`],
  ['personnel', 'Personnel', (t) => `#/t/${t}/personnel`],
  ['personnel-settings', 'Personnel Settings', (t) => `#/t/${t}/personnel/settings`],
];

const state = {
  session: undefined, // undefined: not loaded yet; null: signed out
  tenant: null, // the tenant whose screens are open
  leave: [], // cleanups of the screen on display (timers, secrets in memory)
  renders: 0,
  endedMessage: null,
};

function navigate(hash, { replaceEntry = false } = {}) {
  if (replaceEntry) {
    history.replaceState(null, '', hash);
    route();
  } else if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

/** Loads (or reloads, after sign-in) the session; null when there is none. */
async function loadSession() {
  try {
    state.session = await api.get('/session');
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) {
      throw err;
    }
    state.session = null;
  }
  useCsrfToken(state.session ? state.session.csrfToken : null);
  return state.session;
}

function parse(hash) {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(path);
    if (match) {
      return { ...candidate, params: match.slice(1).map(decodeURIComponent), query: new URLSearchParams(query) };
    }
  }
  return null;
}

function home(session) {
  if (!session) {
    return '#/signin';
  }
  if (session.kind === 'operator') {
    return '#/operator';
  }
  return `#/t/${session.tenantId}/${session.screen || 'scim'}`;
}

/** Where the current hash may go for this session: the hash itself, or a redirect. */
function allowed(match, session) {
  if (!match) {
    return home(session);
  }
  if (match.open) {
    return match.screen === signin && session ? home(session) : null;
  }
  if (!session) {
    return '#/signin';
  }
  if (match.operatorOnly && session.kind !== 'operator') {
    return home(session);
  }
  if (session.kind === 'tenant' && match.params[0] !== session.tenantId) {
    return home(session);
  }
  return null;
}

async function route() {
  const render = ++state.renders;
  state.leave.splice(0).forEach((cleanup) => cleanup());
  const main = document.getElementById('main');
  try {
    if (state.session === undefined) {
      await loadSession();
    }
    const match = parse(location.hash);
    const redirect = allowed(match, state.session);
    if (redirect) {
      if (!state.session && match && !match.open) {
        state.endedMessage = state.endedMessage || 'tenant';
      }
      history.replaceState(null, '', redirect);
      route();
      return;
    }
    const tenant = match.open || match.operatorOnly ? null : await loadTenant(match.params[0]);
    if (render !== state.renders) {
      return;
    }
    drawHeader(match, tenant);
    const ctx = {
      session: state.session,
      tenant,
      params: match.params,
      query: match.query,
      signedOutReason: state.endedMessage,
      onLeave: (cleanup) => state.leave.push(cleanup),
      isCurrent: () => render === state.renders,
      navigate,
      reloadSession: loadSession,
      forgetTenant,
    };
    const node = await match.screen.render(ctx);
    if (render !== state.renders) {
      return;
    }
    state.endedMessage = null;
    replace(main, node);
    document.title = `${match.screen.title || 'Admin portal'} · scimgate`;
  } catch (err) {
    if (render === state.renders) {
      replace(main, alertBox(err.message || String(err)));
    }
  }
}

async function loadTenant(tenantId) {
  if (!state.tenant || state.tenant.id !== tenantId) {
    state.tenant = await api.get(tenantPath(tenantId));
  }
  return state.tenant;
}

/** Other screens call this after changing the tenant (SCIM switch, name). */
function forgetTenant() {
  state.tenant = null;
}

function drawHeader(match, tenant) {
  const header = document.getElementById('app-header');
  const session = state.session;
  if (!session) {
    replace(header, h('div', { class: 'brand' }, brandMark(), h('span', { class: 'brand-name' }, 'scimgate'),
      h('span', { class: 'brand-sub' }, 'Admin portal')));
    return;
  }
  const tabs = [];
  if (session.kind === 'operator') {
    tabs.push(tab('Tenants', '#/operator', match.operatorOnly));
  }
  if (tenant) {
    TABS.forEach(([key, text, href]) => tabs.push(tab(text, href(tenant.id), match.tab === key)));
  }
  replace(header,
    h('div', { class: 'header-row' },
      h('div', { class: 'brand' }, brandMark(), h('span', { class: 'brand-name' }, 'scimgate'),
        h('span', { class: 'brand-sub' }, 'Admin portal')),
      tenant ? h('span', { class: 'tenant-name', 'data-testid': 'tenant-name' }, tenant.name) : null,
      h('div', { class: 'header-end' },
        h('a', { class: 'header-link', href: '#/api' }, 'API reference'),
        h('span', { class: 'who' }, session.kind === 'operator' ? `Operator · ${session.subject}` : 'Company admin'),
        button('Sign out', signOut, 'ghost'))),
    h('nav', { class: 'tabs', 'aria-label': 'Sections' }, h('ul', {}, tabs)));
}

function brandMark() {
  return h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'S');
}

function tab(text, href, current) {
  return h('li', {}, h('a', { href, class: current ? 'tab current' : 'tab', 'aria-current': current ? 'page' : null },
    text));
}

async function signOut() {
  try {
    await api.del('/session');
  } catch (err) {
    flash(err.message, 'error');
  }
  state.session = null;
  state.tenant = null;
  state.endedMessage = 'signed-out';
  useCsrfToken(null);
  navigate('#/signin');
}

whenSessionEnds(() => {
  if (state.session) {
    state.session = null;
    state.tenant = null;
    state.endedMessage = 'ended';
    route();
  }
});

window.addEventListener('hashchange', () => {
  route();
  document.getElementById('main').focus({ preventScroll: true });
});
route();
