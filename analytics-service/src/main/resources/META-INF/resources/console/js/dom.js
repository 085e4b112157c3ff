import {countdown, message} from './i18n.js';

// Building the page from data without ever parsing data as HTML: every text goes in as a text node.

/**
 * An element: h('a', {href: '#/queue', class: 'x', dataset: {nav: 'queue'}, onclick: fn}, 'text', child, [more]).
 * Attributes whose value is null, undefined or false are left out; true sets an empty attribute.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'dataset') {
      for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) el.dataset[k] = String(v);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'value' && 'value' in el) {
      el.value = value;
    } else if (key === 'checked' || key === 'selected') {
      el[key] = Boolean(value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A <label> and its field, with the place where a field error of the door appears right after the field. */
export function field(label, input, name, hint) {
  const id = input.id;
  return h('div', {class: 'field'},
    h('label', {for: id}, label),
    input,
    hint ? h('small', {class: 'hint', id: id + '-hint'}, hint) : null,
    h('div', {class: 'field-error', dataset: {field: name}, id: id + '-error', role: 'alert', hidden: true}));
}

/** Shows the field errors of a problem+json answer beside the fields they name; returns the errors not shown. */
export function showFieldErrors(form, errors) {
  for (const el of form.querySelectorAll('.field-error')) {
    el.hidden = true;
    el.textContent = '';
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const unplaced = [];
  let first = null;
  for (const error of errors || []) {
    const place = form.querySelector(`.field-error[data-field="${CSS.escape(error.field)}"]`);
    if (!place) {
      unplaced.push(error);
      continue;
    }
    place.hidden = false;
    const text = message(error.message);
    place.textContent = place.textContent ? place.textContent + '; ' + text : text;
    const input = place.parentElement.querySelector('input, select, textarea');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', place.id);
      first = first || input;
    }
  }
  if (first) first.focus();
  return unplaced;
}

/** A filter's field: its label and its input side by side. */
export function inlineField(label, input) {
  return h('div', {class: 'field inline'}, h('label', {for: input.id}, label), input);
}

export function option(value, label, selected) {
  return h('option', {value, selected: selected === true || selected === value}, label);
}

/** A table: headers, then rows (each an array of cells or a <tr>). */
export function table(attrs, headers, rows) {
  return h('div', {class: 'table-wrap'},
    h('table', attrs,
      h('thead', {}, h('tr', {}, headers.map(text => h('th', {scope: 'col'}, text)))),
      h('tbody', {}, rows)));
}

/**
 * A live countdown to {@code instant}: drawn at once (a blank one would flash until the shell's next tick), then kept
 * by that tick every second through its data-until.
 */
export function countdownTo(className, instant) {
  return h('span', {class: className, dataset: {until: instant}}, countdown(new Date(instant).getTime() - Date.now()));
}
