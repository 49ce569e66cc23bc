// #/t/{tenantId}/scim: SCIM off / not configured yet / the tenant's connections with their live state.
import { api } from '../api.js';
import { h } from '../dom.js';
import { card, emptyState, linkButton, pageHeader, pill, table, time } from '../ui.js';
import { activity, connectionPath, count } from './connections.js';

export const title = 'SCIM Settings';

export async function render(ctx) {
  const { tenant, session } = ctx;
  if (!tenant.scimEnabled) {
    return scimOff(session);
  }
  const { items } = await api.get(connectionPath(tenant.id));
  const addHref = `#/t/${tenant.id}/scim/add`;
  if (items.length === 0) {
    return h('div', {},
      pageHeader('SCIM Settings', 'Provision users and groups from your identity provider.'),
      card(null, emptyState('No SCIM connection yet',
        'Connect Okta, Microsoft Entra ID, OneLogin or any SCIM 2.0 client. Setup takes a few minutes.',
        linkButton('Start configuring SCIM', addHref, 'primary'))));
  }
  return h('div', {},
    pageHeader('SCIM Settings', 'Your identity providers push users and groups through these connections.',
      linkButton('Add SCIM Connection', addHref, 'primary')),
    card('Connections', connectionsTable(tenant.id, items)));
}

function scimOff(session) {
  const contact = session.supportContact;
  return h('div', {},
    pageHeader('SCIM Settings'),
    card(null, emptyState('SCIM isn\'t enabled for your account',
      'SCIM provisioning has to be switched on for your company before you can connect an identity provider.'),
    h('p', { class: 'center', 'data-testid': 'support-contact' },
      contact ? ['Contact ', contactLink(contact), ' to enable it.'] : 'Contact your account manager to enable it.')));
}

function contactLink(contact) {
  if (/^[^@\s]+@[^@\s]+$/.test(contact)) {
    return h('a', { href: `mailto:${contact}` }, contact);
  }
  if (/^https?:\/\//.test(contact)) {
    return h('a', { href: contact, rel: 'noopener noreferrer', target: '_blank' }, contact);
  }
  return h('strong', {}, contact);
}

function connectionsTable(tenantId, connections) {
  const rows = connections.map((connection) => {
    const act = activity(connection);
    return h('tr', { 'data-connection-id': connection.id },
      h('td', {}, connection.vendorName || connection.vendor),
      h('td', {}, h('a', { href: `#/t/${tenantId}/scim/connections/${connection.id}` }, connection.name)),
      h('td', {}, pill(act.state)),
      h('td', {}, time(act.lastRequestAt)),
      h('td', { class: 'num' }, count(act.users)),
      h('td', { class: 'num' }, count(act.groups)),
      h('td', { class: act.failuresLast24h > 0 ? 'num text-error' : 'num' }, count(act.failuresLast24h)));
  });
  return table(['Provider', 'Name', 'State', 'Last request', ['Users', 'num'], ['Groups', 'num'],
    ['Failures (24 h)', 'num']], rows,
    'SCIM connections');
}
