// #/t/{tenantId}/personnel/settings: Invite personnel. The Automatic group invites toggle, a searchable
// multi-select of SCIM groups, a live preview of how many people saving would invite, one Save.
import { api, tenantPath } from '../api.js';
import { h, replace } from '../dom.js';
import {
  alertBox, busy, card, debounce, errorSlot, field, flash, input, pageHeader, plural, switchField,
} from '../ui.js';

export const title = 'Personnel Settings';

const SEARCH_LIMIT = 100;

export async function render(ctx) {
  const tenantId = ctx.tenant.id;
  const [settings, firstGroups] = await Promise.all([
    api.get(tenantPath(tenantId, '/auto-invites')),
    searchGroups(tenantId, ''),
  ]);
  const chosen = { enabled: settings.enabled, groups: new Map(settings.groups.map((g) => [g.id, g])) };
  const errors = errorSlot();
  const preview = h('p', { class: 'preview', 'aria-live': 'polite', 'data-testid': 'invite-preview' });
  const chips = h('ul', { class: 'chips', 'aria-label': 'Selected SCIM groups' });
  const options = h('ul', { class: 'options', id: 'group-options' });

  const body = () => ({ enabled: chosen.enabled, groupIds: [...chosen.groups.keys()] });
  // Asks as if the toggle were on (with it off the answer is always 0): the admin sees what turning it on does.
  let asked = 0;
  const updatePreview = debounce(async () => {
    const question = ++asked;
    try {
      const { willInvite } = await api.post(tenantPath(tenantId, '/auto-invites/preview'),
        { ...body(), enabled: true });
      if (ctx.isCurrent() && question === asked) {
        replace(preview, previewText(chosen.enabled, willInvite));
      }
    } catch (err) {
      replace(preview, h('span', { class: 'text-error' }, err.message));
    }
  }, 250);
  // Redraws the chips and ticks, never the option list: the focused checkbox keeps its focus.
  const changed = () => {
    drawChips(chips, chosen, changed);
    options.querySelectorAll('input[type=checkbox]').forEach((box) => {
      box.checked = chosen.groups.has(box.value);
    });
    updatePreview();
  };
  const search = input({
    type: 'search', autocomplete: 'off', placeholder: 'Search groups', 'aria-controls': 'group-options',
    oninput: debounce(async (event) => {
      drawOptions(options, await searchGroups(tenantId, event.target.value.trim()), chosen, changed);
    }, 250),
  });
  const toggle = switchField('Automatic group invites', chosen.enabled, (event) => {
    chosen.enabled = event.target.checked;
    updatePreview();
  }, { 'data-testid': 'auto-invite-toggle' });
  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Save');
  drawOptions(options, firstGroups, chosen, changed);
  changed();

  const noGroups = firstGroups.length === 0 && chosen.groups.size === 0;
  return h('div', {},
    pageHeader('Personnel Settings'),
    card('Invite personnel', h('form', {
      class: 'stack',
      onsubmit: (event) => {
        event.preventDefault();
        busy(save, errors, async () => {
          const saved = await api.put(tenantPath(tenantId, '/auto-invites'), body());
          chosen.groups = new Map(saved.groups.map((g) => [g.id, g]));
          changed();
          flash('Invite settings saved');
        });
      },
    },
    h('p', { class: 'muted' }, 'With the toggle on, every member of the selected SCIM groups gets an invitation '
        + 'once: the current members when you save, and anyone your identity provider adds later.'),
    toggle,
    h('fieldset', { class: 'group-picker' },
      h('legend', {}, 'SCIM groups for automatic invites'),
      chips,
      field('Find SCIM groups', search),
      options,
      noGroups ? alertBox('If you don\'t see SCIM groups in this selector, make sure you provisioned them in your '
          + 'IdP.', 'info') : null),
    preview,
    errors.node,
    h('div', { class: 'actions' }, save))));
}

function previewText(enabled, willInvite) {
  const people = plural(willInvite, 'person', 'people');
  if (enabled) {
    return `Saving will invite ${people} now.`;
  }
  return willInvite === 0 ? 'Saving will invite nobody now.'
    : `Automatic group invites is off: saving invites nobody. With it on, saving will invite ${people} now.`;
}

async function searchGroups(tenantId, q) {
  const { items } = await api.get(tenantPath(tenantId, '/groups'), { q, limit: SEARCH_LIMIT });
  const needle = q.toLowerCase();
  return items.filter((g) => !needle || g.name.toLowerCase().includes(needle));
}

function drawChips(chips, chosen, changed) {
  replace(chips, [...chosen.groups.values()].map((group) => h('li', { class: 'chip' },
    h('span', {}, group.name),
    h('button', {
      type: 'button', class: 'chip-remove', 'aria-label': `Remove ${group.name}`,
      onclick: () => { chosen.groups.delete(group.id); changed(); },
    }, '×'))));
}

function drawOptions(options, groups, chosen, changed) {
  if (groups.length === 0) {
    replace(options, h('li', { class: 'muted' }, 'No SCIM groups match.'));
    return;
  }
  replace(options, groups.map((group) => {
    const id = `group-${group.id}`;
    return h('li', { class: 'option' },
      h('input', {
        type: 'checkbox', id, value: group.id, checked: chosen.groups.has(group.id), 'data-group-name': group.name,
        onchange: (event) => {
          if (event.target.checked) {
            chosen.groups.set(group.id, group);
          } else {
            chosen.groups.delete(group.id);
          }
          changed();
        },
      }),
      h('label', { for: id }, group.name,
        group.memberCount !== undefined ? h('span', { class: 'muted small' }, ` · ${plural(group.memberCount,
          'member')}`) : null));
  }));
}
