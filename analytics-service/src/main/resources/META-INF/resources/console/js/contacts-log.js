// The contact log of a complaint (what the customer desk owes: contact within 24 h, the answer within 48 h,
// progress every 48 h) as a list, and the form a survey agent records a contact with.

import {call, idempotencyKey} from './api.js';
import {field, fill, h, option, table} from './dom.js';
import {code, dateTime, t, zonedInstant} from './i18n.js';
import {submit, text} from './parts.js';
import {showError} from './app.js';

const KINDS = ['FIRST_CONTACT', 'PROGRESS', 'FINAL_ANSWER'];
const CHANNELS = ['PHONE', 'SMS', 'EMAIL', 'IN_PERSON', 'LETTER'];

/** A table of contacts (the survey service's ContactView or analytics' case contacts). */
export function contactsTable(contacts) {
  if (!contacts || contacts.length === 0) return h('p', {class: 'muted'}, t('contacts.empty'));
  return table({class: 'contacts-table'}, [t('contacts.at'), t('contacts.kind'), t('contacts.channel'),
    t('contacts.reached'), t('contacts.summary'), t('contacts.next'), t('contacts.by')],
  contacts.map(c => h('tr', {dataset: {contactId: c.contactId, kind: c.kind}},
    h('td', {}, dateTime(c.contactedAt)), h('td', {}, code('kind', c.kind)), h('td', {}, code('channel', c.channel)),
    h('td', {}, c.reached ? t('yes') : t('no')),
    h('td', {}, c.summary || '', c.answer ? h('div', {class: 'muted'},
      [c.answer.cause, c.answer.process, c.answer.solution].filter(Boolean).join(' / ')) : null),
    h('td', {}, c.agreedNextContactBy ? dateTime(c.agreedNextContactBy) : '—'),
    h('td', {}, c.contactedBy || '—'))));
}

/** The form that records a contact with the customer of complaintId; onDone() after it was recorded. */
export function contactForm(complaintId, onDone) {
  const key = idempotencyKey();
  const kind = h('select', {id: 'contact-kind', name: 'kind'}, KINDS.map(k => option(k, code('kind', k))));
  const channel = h('select', {id: 'contact-channel', name: 'channel'}, CHANNELS.map(c => option(c, code('channel', c))));
  const reached = h('input', {id: 'contact-reached', name: 'reached', type: 'checkbox', checked: true});
  const summary = h('textarea', {id: 'contact-summary', name: 'summary', rows: 2});
  const next = h('input', {id: 'contact-next', name: 'agreedNextContactBy', type: 'datetime-local'});
  const cause = h('textarea', {id: 'contact-cause', name: 'answer.cause', rows: 2});
  const process = h('textarea', {id: 'contact-process', name: 'answer.process', rows: 2});
  const solution = h('textarea', {id: 'contact-solution', name: 'answer.solution', rows: 2});
  const answer = h('fieldset', {class: 'answer', hidden: true}, h('legend', {}, code('kind', 'FINAL_ANSWER')),
    h('div', {class: 'field-error', dataset: {field: 'answer'}, id: 'contact-answer-error', role: 'alert',
      hidden: true}),
    field(t('contacts.cause'), cause, 'answer.cause'), field(t('contacts.process'), process, 'answer.process'),
    field(t('contacts.solution'), solution, 'answer.solution'));
  kind.addEventListener('change', () => { answer.hidden = kind.value !== 'FINAL_ANSWER'; });
  const error = h('p', {id: 'contact-error', class: 'error', role: 'alert', hidden: true});
  const form = h('form', {id: 'contact-form', class: 'card', novalidate: true, 'aria-labelledby': 'contact-head',
    onsubmit: async e => {
      e.preventDefault();
      const body = {kind: kind.value, channel: channel.value, reached: reached.checked, summary: text(summary)};
      if (next.value) body.agreedNextContactBy = zonedInstant(next.value);
      if (kind.value === 'FINAL_ANSWER') body.answer = {cause: text(cause), process: text(process),
        solution: text(solution)};
      const recorded = await submit(form, error, () => call('survey',
        '/complaints/' + encodeURIComponent(complaintId) + '/contacts', {method: 'POST', body, key}));
      if (recorded) await onDone();
    }},
  h('h2', {id: 'contact-head'}, t('contacts.submit')),
  h('div', {class: 'row'}, field(t('contacts.kind'), kind, 'kind'), field(t('contacts.channel'), channel, 'channel')),
  h('div', {class: 'field checkbox'}, reached, h('label', {for: reached.id}, t('contacts.reached')),
    h('div', {class: 'field-error', dataset: {field: 'reached'}, id: 'contact-reached-error', role: 'alert',
      hidden: true})),
  field(t('contacts.summary'), summary, 'summary'),
  field(t('contacts.next'), next, 'agreedNextContactBy'),
  answer,
  error,
  h('button', {id: 'contact-submit', type: 'submit'}, t('contacts.submit')));
  return form;
}

/** A section with the complaint's contacts from the survey service and, for survey agents, the form. */
export async function contactsSection(complaintId, canRecord) {
  const section = h('section', {id: 'contacts', class: 'card wide', 'aria-labelledby': 'contacts-head'});
  async function load(done) {
    const {data} = await call('survey', '/complaints/' + encodeURIComponent(complaintId) + '/contacts');
    fill(section, h('h2', {id: 'contacts-head'}, t('contacts.title')),
      done ? h('p', {id: 'contact-done', class: 'success', role: 'status'}, t('contacts.done')) : null,
      contactsTable(data),
      canRecord ? contactForm(complaintId, () => load(true).catch(e => showError(e, section))) : null);
  }
  await load(false);
  return section;
}
