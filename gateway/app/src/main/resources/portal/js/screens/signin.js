// #/signin: operators paste an admin token; company admins are told how they get in (a portal link).
import { api, ApiError } from '../api.js';
import { h } from '../dom.js';
import { alertBox, busy, card, errorSlot, field, input } from '../ui.js';

export const title = 'Sign in';

const REASONS = {
  ended: 'Your session has ended.',
  'signed-out': 'You are signed out.',
  tenant: 'You are not signed in.',
};

export async function render(ctx) {
  const errors = errorSlot();
  // A password field: the token is masked on screen, pasted in one line, and Enter submits.
  const token = input({ type: 'password', class: 'input mono', required: true, autocomplete: 'off',
    spellcheck: 'false', placeholder: 'eyJhbGciOi...' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Sign in');
  const form = h('form', {
    class: 'stack',
    onsubmit: (event) => {
      event.preventDefault();
      busy(submit, errors, async () => {
        await signIn(token.value.trim());
        token.value = '';
        const session = await ctx.reloadSession();
        ctx.navigate(session && session.kind === 'tenant' ? `#/t/${session.tenantId}/scim` : '#/operator');
      });
    },
  },
  field('Admin token', token, 'The operator token printed by "scimgate admin-token". It is sent once to start a '
      + 'session and is not kept by the browser.'),
  errors.node,
  h('div', { class: 'actions' }, submit));

  const reason = REASONS[ctx.signedOutReason];
  return h('div', { class: 'signin' },
    h('h1', {}, 'Sign in to the admin portal'),
    reason ? alertBox(reason, 'info') : null,
    card('Company admin',
      h('p', { 'data-testid': 'ask-for-link' }, 'Ask your administrator for a new portal link.'),
      h('p', { class: 'muted' }, 'Portal links sign you in to your company\'s screens. Each link works once and '
          + 'expires after a few minutes.')),
    card('Operator', form));
}

async function signIn(token) {
  if (!token) {
    throw new ApiError(400, 'invalidValue', 'Paste an admin token first.');
  }
  try {
    await api.post('/portal-sessions', undefined, { Authorization: `Bearer ${token}` });
  } catch (err) {
    if (err.status === 401) {
      throw new ApiError(401, err.error, 'That token was not accepted: it may have expired or belong to another '
          + 'gateway. Print a new one with "scimgate admin-token".');
    }
    throw err;
  }
}
