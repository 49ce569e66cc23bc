// #/t/{tenantId}/scim/connections/{id}: settings, token rotation, disable/enable, delete, request log.
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import {
  alertBox, busy, button, card, copyField, dateTime, errorSlot, field, flash, input, pageHeader, pill, select, table,
  time,
} from '../ui.js';
import { activity, connectionPath, count, getConnection } from './connections.js';

export const title = 'SCIM connection';

const GRACE = [['0', 'None: the old token stops at once'], ['3600', '1 hour'], ['86400', '1 day'],
  ['604800', '7 days']];
const LOG_PAGE = 50;

export async function render(ctx) {
  const [tenantId, connectionId] = ctx.params;
  const root = h('div', {});
  const redraw = async () => replace(root, await draw(ctx, await getConnection(tenantId, connectionId), redraw));
  await redraw();
  return root;
}

async function draw(ctx, connection, redraw) {
  const act = activity(connection);
  return h('div', {},
    h('p', { class: 'crumbs' }, h('a', { href: `#/t/${ctx.tenant.id}/scim` }, 'SCIM Settings'), ' / ',
      connection.name),
    pageHeader(connection.name, `${connection.vendorName || connection.vendor} connection`, pill(act.state)),
    h('div', { class: 'stats' },
      stat('Last request', time(act.lastRequestAt)), stat('Users', count(act.users)),
      stat('Groups', count(act.groups)), stat('Failures (24 h)', count(act.failuresLast24h))),
    requestLogCard(ctx, connection),
    h('div', { class: 'two-columns' },
      settingsCard(ctx, connection, redraw),
      h('div', { class: 'stack' }, tokenCard(ctx, connection), statusCard(ctx, connection, redraw))),
    deleteCard(ctx, connection));
}

function stat(label, value) {
  return h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, label), h('div', { class: 'stat-value' },
    value));
}

function settingsCard(ctx, connection, redraw) {
  const errors = errorSlot();
  const name = input({ value: connection.name, required: true, maxlength: 200 });
  const prefix = input({ value: connection.groupPrefix || '', maxlength: 200 });
  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Save changes');
  return card('Settings', h('form', {
    class: 'stack',
    onsubmit: (event) => {
      event.preventDefault();
      busy(save, errors, async () => {
        await api.patch(connectionPath(ctx.tenant.id, connection.id), {
          name: name.value.trim(), groupPrefix: prefix.value,
        });
        flash('Connection saved');
        await redraw();
      });
    },
  },
  copyField('SCIM base URL', connection.scimBaseUrl),
  field('Connection name', name),
  field('Group prefix', prefix, 'Prepended to the names of this connection\'s SCIM groups. Saving a new prefix '
      + 'renames all of them at once; group selections stay as they are.'),
  errors.node,
  h('div', { class: 'actions' }, save)));
}

function tokenCard(ctx, connection) {
  const errors = errorSlot();
  const grace = select(GRACE, '3600');
  const result = h('div', {});
  const rotate = button('Rotate token', () => busy(rotate, errors, async () => {
    const rotated = await api.post(connectionPath(ctx.tenant.id, connection.id, '/rotate-token'), {
      graceSeconds: Number(grace.value),
    });
    replace(result, copyField('New API token', rotated.token, { 'data-testid': 'new-token' }),
      alertBox('Copy it now and paste it into your identity provider: it is shown only this once.', 'warn'));
  }), 'secondary');
  return card('API token',
    h('p', { class: 'muted' }, `Fingerprint ${connection.tokenFingerprint || '—'}`,
      connection.previousTokenValidUntil ? ['; the previous token works until ',
        dateTime(new Date(connection.previousTokenValidUntil))] : null),
    field('Grace period for the current token', grace),
    errors.node,
    h('div', { class: 'actions' }, rotate),
    result);
}

function statusCard(ctx, connection, redraw) {
  const errors = errorSlot();
  const disabled = connection.status === 'disabled';
  const action = disabled ? 'enable' : 'disable';
  const toggle = button(disabled ? 'Enable connection' : 'Disable connection', () => busy(toggle, errors, async () => {
    await api.post(connectionPath(ctx.tenant.id, connection.id, `/${action}`));
    flash(disabled ? 'Connection enabled' : 'Connection disabled');
    await redraw();
  }), disabled ? 'primary' : 'secondary');
  return card('Status',
    h('p', { class: 'muted' }, disabled
      ? 'Disabled: its token is refused. Users and groups it provisioned are kept.'
      : 'Enabled: the identity provider can push users and groups.'),
    errors.node, h('div', { class: 'actions' }, toggle));
}

function deleteCard(ctx, connection) {
  const errors = errorSlot();
  const confirmName = input({ autocomplete: 'off', spellcheck: 'false' });
  const remove = h('button', { type: 'submit', class: 'btn btn-danger', disabled: true }, 'Delete connection');
  confirmName.addEventListener('input', () => { remove.disabled = confirmName.value !== connection.name; });
  return h('section', { class: 'card card-danger' }, h('h2', {}, 'Delete this connection'),
    h('p', { class: 'muted' }, 'Its token stops working at once. Users and groups it provisioned are kept.'),
    h('form', {
      class: 'stack',
      onsubmit: (event) => {
        event.preventDefault();
        if (confirmName.value !== connection.name) {
          return;
        }
        busy(remove, errors, async () => {
          await api.del(connectionPath(ctx.tenant.id, connection.id));
          flash(`Connection "${connection.name}" deleted`);
          ctx.navigate(`#/t/${ctx.tenant.id}/scim`);
        });
      },
    },
    field(`Type "${connection.name}" to confirm`, confirmName),
    errors.node,
    h('div', { class: 'actions' }, remove)));
}

function requestLogCard(ctx, connection) {
  const body = h('div', {});
  const errors = errorSlot();
  const pages = [];
  const load = async (before) => {
    const page = await api.get(connectionPath(ctx.tenant.id, connection.id, '/requests'), {
      limit: LOG_PAGE, before,
    });
    if (before === undefined) {
      pages.length = 0;
      body.replaceChildren();
    }
    pages.push(page);
    drawLog(body, pages, (next) => load(next).catch((err) => errors.show(err)));
  };
  const refresh = button('Refresh', () => busy(refresh, errors, () => load(undefined)));
  load(undefined).catch((err) => errors.show(err));
  return h('section', { class: 'card', 'data-testid': 'request-log' },
    h('div', { class: 'card-header' }, h('h2', {}, 'Request log'), refresh),
    h('p', { class: 'muted' }, 'Recent SCIM requests of this connection, newest first. Rejected requests show the '
        + 'error your identity provider received.'),
    errors.node, body);
}

function drawLog(body, pages, loadMore) {
  const items = pages.flatMap((page) => page.items || []);
  const last = pages[pages.length - 1];
  if (items.length === 0) {
    replace(body, h('p', { class: 'muted' }, 'No requests yet.'));
    return;
  }
  const rows = items.map((item) => h('tr', { class: item.status >= 400 ? 'row-error' : '' },
    h('td', {}, time(item.at)),
    h('td', { class: 'mono' }, item.method),
    h('td', { class: 'mono path' }, item.path),
    h('td', {}, h('span', { class: `status-code ${item.status >= 400 ? 'bad' : 'good'}` }, String(item.status))),
    h('td', { class: 'detail' }, item.status >= 400 ? [item.scimType ? h('span', { class: 'mono' },
      `${item.scimType}: `) : null, item.detail || ''] : '')));
  replace(body, table(['Time', 'Method', 'Path', 'Status', 'Error detail'], rows, 'Request log'),
    last && last.nextBefore ? h('div', { class: 'actions' }, button('Older requests', () => loadMore(last.nextBefore)))
      : null);
}
