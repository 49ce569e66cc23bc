// A connector's setup guide (GET /connectors -> setupGuide), drawn as text only: third-party plugins write it.
import { h } from '../dom.js';
import { card } from '../ui.js';

const GENERIC = {
  summary: 'Any SCIM 2.0 client can push users and groups to this connection.',
  steps: [
    { title: 'Base URL', instructions: 'Enter the SCIM base URL as the SCIM connector (tenant) URL.' },
    { title: 'Authentication', instructions: 'Send the token in the Authorization header: "Bearer <token>".' },
    { title: 'Attributes', instructions: 'Map userName (unique, usually the e-mail), name.givenName, '
        + 'name.familyName, emails and active. Groups use displayName and members.' },
    { title: 'Push', instructions: 'Enable pushing users and groups, then assign people and groups to the app.' },
  ],
  docsUrl: null,
};

export function setupGuideCard(connector) {
  const guide = connector && connector.setupGuide ? connector.setupGuide : GENERIC;
  const name = connector ? connector.name : 'your identity provider';
  const steps = Array.isArray(guide.steps) ? guide.steps : [];
  return card(`Set up ${name}`,
    guide.summary ? h('p', { class: 'guide-text' }, guide.summary) : null,
    h('ol', { class: 'guide-steps' }, steps.map((step) => h('li', {},
      h('h3', {}, step.title || ''), h('p', { class: 'guide-text' }, step.instructions || '')))),
    safeUrl(guide.docsUrl)
      ? h('p', {}, h('a', { href: guide.docsUrl, target: '_blank', rel: 'noopener noreferrer' },
        `${name} documentation`))
      : null);
}

/** Only http(s) links from plugins: never javascript: or data: URLs. */
function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}
