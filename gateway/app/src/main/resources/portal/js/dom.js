// A tiny element builder. It only ever sets text content, attributes, properties and listeners: never
// innerHTML, because much of what the portal shows comes from outside (names from identity providers, setup
// guides from third-party connector plugins).

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'readOnly', 'selected', 'indeterminate']);

/**
 * h('button', {class: 'primary', onclick: save}, 'Save') -> <button class="primary">Save</button>.
 * Props: on* functions become listeners; value/checked/disabled/readOnly/selected become properties;
 * true becomes an empty attribute; false, null and undefined are left out. Children: nodes, strings
 * (as text), numbers, arrays (flattened), null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (PROPERTIES.has(key)) {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children (same rules as h) to parent; returns parent. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces every child of parent with children. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

let ids = 0;

/** A fresh id for pairing a <label for> with its control. */
export function uid(prefix = 'f') {
  ids += 1;
  return `${prefix}-${ids}`;
}
