// #/t/{tenantId}/personnel: people with status, filters, debounced search, keyset paging, and for each person the
// SCIM users that are them (one per connection that pushes them) and their history.
import { api, tenantPath } from '../api.js';
import { h, replace } from '../dom.js';
import { button, card, debounce, errorSlot, field, input, pageHeader, pill, select, table, time } from '../ui.js';
import { connectionPath } from './connections.js';

export const title = 'Personnel';

const PAGE_SIZE = 25;
const STATUSES = [['', 'Any status'], ['imported', 'Imported'], ['invited', 'Invited'], ['active', 'Active'],
  ['deprovisioned', 'Deprovisioned']];

export async function render(ctx) {
  const tenantId = ctx.tenant.id;
  const [groups, connections] = await Promise.all([
    api.get(tenantPath(tenantId, '/groups'), { limit: 1000 }),
    api.get(connectionPath(tenantId)),
  ]);
  const connectionNames = new Map(connections.items.map((c) => [c.id, c.name]));
  const filters = { status: '', groupId: '', connectionId: '', q: '' };
  const cursors = [null]; // cursors[i]: the `after` of page i; Previous pops, Next pushes
  const errors = errorSlot();
  const results = h('div', { 'aria-live': 'polite' });

  const load = async () => {
    errors.clear();
    try {
      const page = await api.get(tenantPath(tenantId, '/personnel'), {
        ...filters, limit: PAGE_SIZE, after: cursors[cursors.length - 1],
      });
      if (ctx.isCurrent()) {
        drawResults(results, page, {
          tenantId, connectionNames, pageNumber: cursors.length,
          previous: cursors.length > 1 ? () => { cursors.pop(); load(); } : null,
          next: page.nextAfter ? () => { cursors.push(page.nextAfter); load(); } : null,
        });
      }
    } catch (err) {
      errors.show(err);
    }
  };
  const restart = () => {
    cursors.length = 1;
    load();
  };
  const filterSelect = (key, options) => select(options, '', {
    onchange: (event) => { filters[key] = event.target.value; restart(); },
  });
  const search = input({ type: 'search', placeholder: 'Name or e-mail', autocomplete: 'off',
    oninput: debounce((event) => { filters.q = event.target.value.trim(); restart(); }, 300) });

  await load();
  return h('div', {},
    pageHeader('Personnel', 'Everyone your identity providers provisioned, and where their invitation stands.'),
    card(null,
      h('div', { class: 'filters', role: 'search' },
        field('Search', search),
        field('Status', filterSelect('status', STATUSES)),
        field('SCIM group', filterSelect('groupId', [['', 'Any group'],
          ...groups.items.map((g) => [g.id, g.name])])),
        field('Connection', filterSelect('connectionId', [['', 'Any connection'],
          ...connections.items.map((c) => [c.id, c.name])]))),
      errors.node,
      results));
}

function drawResults(results, page, view) {
  if (page.items.length === 0) {
    replace(results, h('p', { class: 'muted empty-row' }, 'No people match.'));
    return;
  }
  const rows = page.items.flatMap((person) => personRows(person, view));
  replace(results,
    table(['Name', 'E-mail', 'Status', 'Connection', 'Invited', 'Updated', ''], rows, 'Personnel'),
    h('div', { class: 'pager' },
      h('span', { class: 'muted' }, `Page ${view.pageNumber}`, page.total !== undefined ? ` · ${page.total} people`
        : ''),
      h('div', { class: 'actions' },
        button('Previous', view.previous, 'secondary', { disabled: !view.previous }),
        button('Next', view.next, 'secondary', { disabled: !view.next }))));
}

function personRows(person, view) {
  const detailsRow = h('tr', { class: 'history-row', hidden: true },
    h('td', { colspan: 7 }, h('div', { class: 'history' })));
  const toggle = button('Details', async () => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', String(!open));
    detailsRow.hidden = open;
    if (!open) {
      await drawDetails(detailsRow.querySelector('.history'), view, person.id);
    }
  }, 'ghost', { 'aria-expanded': 'false', 'aria-label': `Details of ${person.displayName || person.userName}` });
  const row = h('tr', { 'data-person-id': person.id },
    h('td', {}, person.displayName || person.userName),
    h('td', {}, person.email || '—'),
    h('td', {}, pill(person.status)),
    h('td', {}, connectionsOf(person, view.connectionNames) || '—'),
    h('td', {}, time(person.invitedAt)),
    h('td', {}, time(person.updatedAt)),
    h('td', { class: 'row-actions' }, toggle));
  return [row, detailsRow];
}

/** The names of the connections that push this person, each once. */
function connectionsOf(person, connectionNames) {
  const names = (person.identities || [])
    .map((identity) => connectionNames.get(identity.connectionId) || 'Deleted connection');
  return [...new Set(names)].join(', ');
}

async function drawDetails(container, view, personId) {
  replace(container, h('p', { class: 'muted' }, 'Loading...'));
  try {
    const person = await api.get(tenantPath(view.tenantId, `/personnel/${encodeURIComponent(personId)}`));
    replace(container,
      h('h3', { class: 'details-title' }, 'SCIM users'),
      h('ul', { class: 'timeline identities' }, (person.identities || []).map((identity) => h('li', {},
        h('span', {}, view.connectionNames.get(identity.connectionId) || 'Deleted connection'),
        h('span', { class: 'mono' }, identity.userName),
        pill(identity.active ? 'active' : 'inactive'),
        identity.deletedAt ? h('span', { class: 'muted' }, 'deleted in the IdP') : null))),
      h('h3', { class: 'details-title' }, 'History'),
      h('ol', { class: 'timeline' }, (person.history || []).map((entry) => h('li', {},
        time(entry.at), ' ', pill(entry.status), entry.reason ? h('span', { class: 'muted' }, ` ${entry.reason}`)
          : null))));
  } catch (err) {
    replace(container, h('p', { class: 'text-error' }, err.message));
  }
}
