// Pieces more than one page shows: a work order's four parts, a definition list, a form's submission.

import {ApiError} from './api.js';
import {h, showFieldErrors} from './dom.js';
import {t} from './i18n.js';

export const FOUR_PARTS = ['reconstruction', 'customerDemand', 'problemFound', 'measures'];

/** The complaint categories a list can be filtered by (the contracts' Category). */
export const CATEGORIES = ['NETWORK', 'BUSINESS', 'SERVICE'];

/** A definition list of [label, value] pairs, leaving out the pairs without a value (a list of nothing included). */
export function facts(attrs, pairs) {
  const empty = value => value === null || value === undefined || value === ''
    || (Array.isArray(value) && value.every(empty));
  return h('dl', {class: 'facts', ...attrs}, pairs.filter(([, value]) => !empty(value))
    .map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

/** The four parts of a work order (投诉情况还原, 客户诉求, 核查问题, 处理措施) from an object that has them. */
export function fourParts(source, attrs = {}) {
  return facts({class: 'facts four-parts', ...attrs}, FOUR_PARTS.map(p => [t('wo.' + p), source && source[p]]));
}

/**
 * Submits a form's body through send(); field errors of a problem+json answer appear beside their fields, any other
 * problem in errorEl. Returns the answer, or null when it failed. The submit button is disabled meanwhile.
 */
export async function submit(form, errorEl, send) {
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  errorEl.hidden = true;
  showFieldErrors(form, []);
  try {
    return await send();
  } catch (e) {
    const rest = e instanceof ApiError ? showFieldErrors(form, e.fieldErrors) : [];
    if (!(e instanceof ApiError) || e.fieldErrors.length === 0 || rest.length > 0) {
      errorEl.textContent = e instanceof ApiError
        ? (rest.length ? rest.map(x => `${x.field}: ${x.message}`).join('; ') : e.describe()) : String(e);
      errorEl.hidden = false;
    }
    return null;
  } finally {
    button.disabled = false;
  }
}

/** The text of a textarea or input, null when blank (so a door judges it as absent). */
export function text(input) {
  const value = input.value.trim();
  return value === '' ? null : value;
}
