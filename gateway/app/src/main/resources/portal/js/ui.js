// Building blocks the screens share: headings, cards, labelled fields, pills, copy fields, alerts.
import { h, uid } from './dom.js';

export function pageHeader(title, subtitle, ...actions) {
  return h('div', { class: 'page-header' },
    h('div', {}, h('h1', {}, title), subtitle ? h('p', { class: 'muted' }, subtitle) : null),
    actions.length ? h('div', { class: 'actions' }, actions) : null);
}

export function card(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', {}, title) : null, children);
}

export function button(text, onclick, kind = 'secondary', props = {}) {
  return h('button', { type: 'button', class: `btn btn-${kind}`, onclick, ...props }, text);
}

/** A link styled as a button. */
export function linkButton(text, href, kind = 'secondary', props = {}) {
  return h('a', { class: `btn btn-${kind}`, href, ...props }, text);
}

/** A label and its control (given or an <input> built from props), with an optional hint below. */
export function field(labelText, control, hint) {
  const id = control.id || uid();
  control.id = id;
  let hintNode = null;
  if (hint) {
    hintNode = h('p', { class: 'hint', id: `${id}-hint` }, hint);
    control.setAttribute('aria-describedby', `${id}-hint`);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), control, hintNode);
}

export function input(props = {}) {
  return h('input', { type: 'text', class: 'input', ...props });
}

/** A <select> of [value, text] pairs. */
export function select(options, value, props = {}) {
  return h('select', { class: 'input', ...props },
    options.map(([optionValue, text]) => h('option', { value: optionValue, selected: optionValue === value }, text)));
}

/** A checkbox presented as a switch (role=switch), labelled. */
export function switchField(labelText, checked, onchange, props = {}) {
  const id = props.id || uid('switch');
  return h('div', { class: 'switch-field' },
    h('input', { type: 'checkbox', role: 'switch', class: 'switch', id, checked, onchange, ...props }),
    h('label', { for: id }, labelText));
}

const PILLS = {
  waiting: ['Waiting for first request', 'pill-warn'],
  receiving: ['Receiving', 'pill-ok'],
  disabled: ['Disabled', 'pill-muted'],
  connector_missing: ['Connector missing', 'pill-error'],
  imported: ['Imported', 'pill-muted'],
  invited: ['Invited', 'pill-info'],
  active: ['Active', 'pill-ok'],
  deprovisioned: ['Deprovisioned', 'pill-error'],
  inactive: ['Inactive', 'pill-muted'],
  on: ['SCIM on', 'pill-ok'],
  off: ['SCIM off', 'pill-muted'],
};

/** A status pill for one of the known states (connection activity, personnel status, SCIM flag). */
export function pill(state) {
  const [text, kind] = PILLS[state] || [state || 'unknown', 'pill-muted'];
  return h('span', { class: `pill ${kind}`, 'data-state': state }, text);
}

export function alertBox(message, kind = 'error') {
  return h('div', { class: `alert alert-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
}

/** Where a screen shows the last error of an action; show(err) / clear(). */
export function errorSlot() {
  const slot = h('div', { class: 'error-slot' });
  return {
    node: slot,
    show(err) {
      slot.replaceChildren(alertBox(err && err.message ? err.message : String(err)));
    },
    clear() {
      slot.replaceChildren();
    },
  };
}

/** Runs action with the button disabled; errors go to slot (if given) and are rethrown otherwise. */
export async function busy(buttonNode, slot, action) {
  buttonNode.disabled = true;
  slot?.clear();
  try {
    return await action();
  } catch (err) {
    if (!slot) {
      throw err;
    }
    slot.show(err);
    return undefined;
  } finally {
    buttonNode.disabled = false;
  }
}

/** A read-only input holding value, with a Copy button (clipboard API, else select + execCommand). */
export function copyField(labelText, value, props = {}) {
  const control = input({ value, readOnly: true, class: 'input mono', spellcheck: 'false', ...props });
  const status = h('span', { class: 'copy-status', role: 'status', 'aria-live': 'polite' });
  const copy = button('Copy', () => copyText(control, status), 'secondary', {
    'aria-label': `Copy ${labelText}`,
  });
  const id = control.id || uid('copy');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, labelText),
    h('div', { class: 'copy-row' }, control, copy, status));
}

async function copyText(control, status) {
  let copied = false;
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(control.value);
      copied = true;
    } catch (e) {
      copied = false;
    }
  }
  if (!copied) {
    control.focus();
    control.select();
    try {
      copied = document.execCommand('copy');
    } catch (e) {
      copied = false;
    }
  }
  status.textContent = copied ? 'Copied' : 'Press Ctrl+C to copy';
  setTimeout(() => { status.textContent = ''; }, 2500);
}

export function time(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return h('time', { datetime: iso, title: dateTime(date) }, relative(date));
}

/** "just now", "5 min ago", "3 h ago", else the date. */
export function relative(date) {
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  if (seconds < 45) {
    return 'just now';
  }
  if (seconds < 3600) {
    return `${Math.round(seconds / 60)} min ago`;
  }
  if (seconds < 86400) {
    return `${Math.round(seconds / 3600)} h ago`;
  }
  return dateTime(date);
}

export function dateTime(date) {
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A table; a header is its text, or [text, class] (e.g. 'num' to right-align a numeric column). */
export function table(headers, rows, caption) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'table' },
      caption ? h('caption', { class: 'sr-only' }, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((header) => {
        const [text, className] = Array.isArray(header) ? header : [header, null];
        return h('th', { scope: 'col', class: className }, text);
      }))),
      h('tbody', {}, rows)));
}

export function emptyState(title, text, ...actions) {
  return h('div', { class: 'empty' }, h('h2', {}, title), text ? h('p', { class: 'muted' }, text) : null,
    actions.length ? h('div', { class: 'actions' }, actions) : null);
}

export function debounce(fn, millis) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), millis);
  };
}

export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

let flashTimer = null;

/** A short message in the page's live region. */
export function flash(message, kind = 'ok') {
  const region = document.getElementById('flash');
  region.replaceChildren(h('div', { class: `alert alert-${kind}` }, message));
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => region.replaceChildren(), 4000);
}
