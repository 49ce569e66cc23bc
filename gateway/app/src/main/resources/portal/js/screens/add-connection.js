// #/t/{tenantId}/scim/add: the Add SCIM Connection wizard. Steps 1-2 (provider, name) live in this page;
// steps 3 (credentials) and 4 (waiting) have their own URL (?connection=&step=setup|waiting) so that Back works.
// The token is kept only in the variable below, for step 3 of the connection that made it: leaving that step
// forgets it, and the page says so when the admin comes back.
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import {
  alertBox, busy, button, card, copyField, errorSlot, field, input, linkButton, pageHeader, plural,
} from '../ui.js';
import { connectionPath, getConnection } from './connections.js';
import { setupGuideCard } from './setup-guide.js';

export const title = 'Add SCIM Connection';

const POLL_MILLIS = 2000;
const STEPS = ['Provider', 'Name', 'Credentials', 'First request'];

/** {connectionId, token} of the connection just created, until its step 3 is left. */
let shownOnce = null;

export async function render(ctx) {
  const connectionId = ctx.query.get('connection');
  const step = ctx.query.get('step');
  if (connectionId && step === 'waiting') {
    return waitingStep(ctx, connectionId);
  }
  if (connectionId) {
    return setupStep(ctx, connectionId);
  }
  return chooseSteps(ctx);
}

function stepper(current) {
  return h('ol', { class: 'stepper', 'aria-label': 'Steps' }, STEPS.map((name, index) => h('li', {
    class: index + 1 === current ? 'current' : index + 1 < current ? 'done' : '',
    'aria-current': index + 1 === current ? 'step' : null,
  }, h('span', { class: 'step-number' }, String(index + 1)), h('span', {}, name))));
}

function frame(current, ...content) {
  return h('div', { class: 'wizard' }, pageHeader('Add SCIM Connection'), stepper(current), content);
}

async function chooseSteps(ctx) {
  const { connectors } = await api.get('/connectors');
  const available = connectors.filter((c) => !c.state || c.state === 'STARTED' || c.state === 'started');
  const draft = { connector: null, name: '', prefix: '' };
  const root = h('div', {});
  // Moving between steps puts the keyboard focus on the new step's first control.
  const show = (step) => {
    replace(root, step);
    (root.querySelector('input:checked') || root.querySelector('input, button'))?.focus();
  };
  const showProvider = () => show(providerStep(available, draft, showName));
  const showName = () => show(nameStep(ctx, draft, showProvider));
  replace(root, providerStep(available, draft, showName));
  return root;
}

function providerStep(connectors, draft, next) {
  const errors = errorSlot();
  const ordered = [...connectors].sort((a, b) => (a.id === 'custom') - (b.id === 'custom'));
  const options = h('div', { class: 'provider-grid', role: 'radiogroup', 'aria-labelledby': 'provider-legend' },
    ordered.map((connector) => {
      const id = `provider-${connector.id}`;
      return h('div', { class: 'provider-option' },
        h('input', { type: 'radio', name: 'provider', id, value: connector.id,
          checked: draft.connector ? draft.connector.id === connector.id : false,
          onchange: () => { draft.connector = connector; } }),
        h('label', { for: id }, h('span', { class: 'provider-name' }, connector.name),
          h('span', { class: 'muted small' }, connector.setupGuide?.summary || `Groups appear as "${
            connector.defaultGroupPrefix}<group>"`)));
    }));
  const form = h('form', {
    class: 'stack',
    onsubmit: (event) => {
      event.preventDefault();
      if (!draft.connector) {
        errors.show('Choose your identity provider.');
        return;
      }
      next();
    },
  },
  h('h2', { id: 'provider-legend' }, 'Which identity provider do you use?'),
  options,
  h('p', { class: 'muted' }, 'Not listed? Choose Custom SCIM: it works with any SCIM 2.0 client.'),
  errors.node,
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Next')));
  return frame(1, card(null, form));
}

function nameStep(ctx, draft, back) {
  const errors = errorSlot();
  const connector = draft.connector;
  const name = input({ value: draft.name || connector.name, required: true, maxlength: 200, autocomplete: 'off' });
  const prefix = input({ value: draft.prefix || connector.defaultGroupPrefix || '', maxlength: 200,
    autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Create connection');
  const form = h('form', {
    class: 'stack',
    onsubmit: (event) => {
      event.preventDefault();
      draft.name = name.value;
      draft.prefix = prefix.value;
      busy(submit, errors, async () => {
        const created = await api.post(connectionPath(ctx.tenant.id), {
          vendor: connector.id, name: name.value.trim(), groupPrefix: prefix.value,
        });
        shownOnce = { connectionId: created.id, token: created.token };
        ctx.navigate(`#/t/${ctx.tenant.id}/scim/add?connection=${created.id}&step=setup`);
      });
    },
  },
  h('h2', {}, `Name your ${connector.name} connection`),
  field('Connection name', name, 'Shown in SCIM Settings and in the request log. You can change it later.'),
  h('details', { class: 'advanced' }, h('summary', {}, 'Advanced'),
    field('Group prefix', prefix, 'Put before the names of this connection\'s SCIM groups, e.g. '
        + `"${connector.defaultGroupPrefix || ''}Contractors".`)),
  errors.node,
  h('div', { class: 'actions' }, button('Back', back), submit));
  return frame(2, card(null, form));
}

async function setupStep(ctx, connectionId) {
  const [connection, { connectors }] = await Promise.all([
    getConnection(ctx.tenant.id, connectionId), api.get('/connectors')]);
  const token = shownOnce && shownOnce.connectionId === connectionId ? shownOnce.token : null;
  ctx.onLeave(() => { shownOnce = null; });
  const connector = connectors.find((c) => c.id === connection.vendor);
  const detailHref = `#/t/${ctx.tenant.id}/scim/connections/${connectionId}`;
  const credentials = card('Your SCIM credentials',
    copyField('SCIM base URL', connection.scimBaseUrl, { 'data-testid': 'scim-base-url' }),
    token
      ? [copyField('API token', token, { 'data-testid': 'scim-token' }),
        alertBox('Copy the token now: it is shown only on this step. Once you leave it, it is gone.', 'warn')]
      : alertBox(['The token was shown once and is no longer available here. If you did not copy it, ',
        h('a', { href: detailHref }, 'rotate the token'), ' on the connection\'s page to get a new one.'], 'info'),
    h('div', { class: 'actions' },
      linkButton('I\'ve entered them: continue', `#/t/${ctx.tenant.id}/scim/add?connection=${connectionId}`
          + '&step=waiting', 'primary')));
  return frame(3, h('div', { class: 'two-columns' }, credentials, setupGuideCard(connector)));
}

async function waitingStep(ctx, connectionId) {
  const status = h('div', { class: 'waiting', 'aria-live': 'polite', 'data-testid': 'first-request-status' });
  const show = (connection) => replace(status, waitingText(connection));
  show(await getConnection(ctx.tenant.id, connectionId));
  let timer = null;
  const poll = async () => {
    try {
      const connection = await getConnection(ctx.tenant.id, connectionId);
      if (ctx.isCurrent()) {
        show(connection);
      }
    } catch (err) {
      replace(status, alertBox(err.message));
    }
    if (ctx.isCurrent()) {
      timer = setTimeout(poll, POLL_MILLIS);
    }
  };
  timer = setTimeout(poll, POLL_MILLIS);
  ctx.onLeave(() => clearTimeout(timer));
  const base = `#/t/${ctx.tenant.id}/scim`;
  return frame(4, card(null, status, h('div', { class: 'actions' },
    linkButton('Back to setup steps', `${base}/add?connection=${connectionId}&step=setup`),
    linkButton('Connection details', `${base}/connections/${connectionId}`),
    linkButton('Done', base, 'primary'))));
}

function waitingText(connection) {
  const activity = connection.activity || {};
  if (activity.firstRequestAt || activity.state === 'receiving') {
    return [h('div', { class: 'status-icon ok', 'aria-hidden': 'true' }, '✓'),
      h('h2', { 'data-testid': 'connected' },
        `Connected: ${plural(activity.users || 0, 'user')}, ${plural(activity.groups || 0, 'group')} so far`),
      h('p', { class: 'muted' }, 'Your identity provider reached scimgate. New users and groups appear as it '
          + 'pushes them.')];
  }
  return [h('div', { class: 'spinner', 'aria-hidden': 'true' }),
    h('h2', {}, 'Waiting for your identity provider\'s first request...'),
    h('p', { class: 'muted' }, 'Save the settings in your identity provider and assign some people or groups to '
        + 'the app (or use its "Test connection" button). This page updates by itself.')];
}
