// #/operator: every tenant (search, create), its SCIM switch, portal links, opening its screens, revoking its
// portal sessions. Only operators reach this route.
import { api, tenantPath } from '../api.js';
import { h, replace } from '../dom.js';
import {
  busy, button, card, copyField, dateTime, debounce, errorSlot, field, flash, input, linkButton, pageHeader, select,
  switchField, table, time,
} from '../ui.js';

export const title = 'Tenants';

const SCREENS = [['scim', 'SCIM Settings'], ['scim/add', 'Add SCIM Connection'], ['personnel', 'Personnel'],
  ['personnel/settings', 'Personnel Settings']];
const TTLS = [['300', '5 minutes'], ['900', '15 minutes'], ['3600', '1 hour'], ['86400', '24 hours']];

export async function render(ctx) {
  const errors = errorSlot();
  const list = h('div', { 'aria-live': 'polite' });
  let query = '';
  const load = async () => {
    try {
      const page = await api.get('/tenants', { q: query, limit: 100 });
      if (ctx.isCurrent()) {
        drawTenants(list, page, ctx, load);
      }
    } catch (err) {
      errors.show(err);
    }
  };
  const search = input({ type: 'search', placeholder: 'Tenant name', autocomplete: 'off',
    oninput: debounce((event) => { query = event.target.value.trim(); load(); }, 300) });
  await load();
  return h('div', {},
    pageHeader('Tenants', 'Every company on this gateway. Open a tenant\'s screens, or hand its admin a portal link.'),
    createCard(ctx),
    card('All tenants', h('div', { class: 'filters', role: 'search' }, field('Search tenants', search)), errors.node,
      list));
}

function createCard(ctx) {
  const errors = errorSlot();
  const name = input({ required: true, maxlength: 200, autocomplete: 'off' });
  const scim = h('input', { type: 'checkbox', role: 'switch', class: 'switch', id: 'new-tenant-scim' });
  const create = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Create tenant');
  return card('Create a tenant', h('form', {
    class: 'inline-form',
    onsubmit: (event) => {
      event.preventDefault();
      busy(create, errors, async () => {
        const tenant = await api.post('/tenants', { name: name.value.trim(), scimEnabled: scim.checked });
        flash(`Tenant "${tenant.name}" created`);
        ctx.navigate('#/operator');
      });
    },
  },
  field('Tenant name', name),
  h('div', { class: 'switch-field' }, scim, h('label', { for: 'new-tenant-scim' }, 'SCIM enabled')),
  create), errors.node);
}

function drawTenants(list, page, ctx, reload) {
  if (page.items.length === 0) {
    replace(list, h('p', { class: 'muted empty-row' }, 'No tenants match.'));
    return;
  }
  const rows = page.items.flatMap((tenant) => tenantRows(tenant, ctx));
  replace(list, table(['Tenant', 'SCIM', 'Created', 'Actions'], rows, 'Tenants'),
    page.total > page.items.length ? h('p', { class: 'muted' }, `Showing ${page.items.length} of ${page.total}: `
      + 'search to narrow down.') : null);
}

function tenantRows(tenant, ctx) {
  const panel = h('td', { colspan: 4 });
  const panelRow = h('tr', { class: 'panel-row', hidden: true }, panel);
  const errors = errorSlot();
  const scimSwitch = switchField('SCIM', tenant.scimEnabled, async (event) => {
    const box = event.target;
    const saved = await busy(box, errors, async () => {
      await api.put(tenantPath(tenant.id, '/scim'), { enabled: box.checked });
      ctx.forgetTenant();
      flash(`SCIM ${box.checked ? 'enabled' : 'disabled'} for ${tenant.name}`);
      return true;
    });
    if (!saved) {
      box.checked = !box.checked; // the change failed (errors shows why): show what the server still has
    }
  }, { 'aria-label': `SCIM for ${tenant.name}`, 'data-testid': 'scim-switch' });
  const openPanel = (draw) => {
    const open = !panelRow.hidden && panel.dataset.kind === draw.name;
    panelRow.hidden = open;
    panel.dataset.kind = draw.name;
    if (!open) {
      replace(panel, draw(tenant));
    }
  };
  const row = h('tr', { 'data-tenant-id': tenant.id },
    h('td', {}, h('strong', {}, tenant.name), h('div', { class: 'muted small mono id' }, tenant.id)),
    h('td', {}, scimSwitch, errors.node),
    h('td', {}, time(tenant.createdAt)),
    h('td', { class: 'row-actions' },
      button('Portal link', () => openPanel(portalLinkPanel), 'secondary'),
      linkButton('Open screens', `#/t/${tenant.id}/scim`, 'secondary'),
      button('Sign out all portal sessions', () => openPanel(revokePanel), 'ghost')));
  return [row, panelRow];
}

function portalLinkPanel(tenant) {
  const errors = errorSlot();
  const screen = select(SCREENS, 'scim');
  const ttl = select(TTLS, '300');
  const result = h('div', {});
  const make = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Make link');
  return h('form', {
    class: 'panel stack',
    onsubmit: (event) => {
      event.preventDefault();
      busy(make, errors, async () => {
        const link = await api.post(tenantPath(tenant.id, '/portal-links'), {
          screen: screen.value, ttlSeconds: Number(ttl.value),
        });
        replace(result, copyField('Portal link', link.url, { 'data-testid': 'portal-link' }),
          h('p', { class: 'muted' }, `Works once, until ${dateTime(new Date(link.expiresAt))}. Send it to `
            + `${tenant.name}'s admin.`));
      });
    },
  },
  h('h3', {}, `Portal link for ${tenant.name}`),
  h('div', { class: 'inline-form' }, field('Opens', screen), field('Valid for', ttl), make),
  errors.node, result);
}

function revokePanel(tenant) {
  const errors = errorSlot();
  const revoke = button('Sign out everyone', () => busy(revoke, errors, async () => {
    await api.del(tenantPath(tenant.id, '/portal-sessions'));
    flash(`Every portal session of ${tenant.name} has ended`);
  }), 'danger');
  return h('div', { class: 'panel stack' },
    h('h3', {}, `Sign out all portal sessions of ${tenant.name}?`),
    h('p', { class: 'muted' }, 'Everyone signed in to this tenant\'s screens is signed out at once, on every node.'),
    errors.node, h('div', { class: 'actions' }, revoke));
}
