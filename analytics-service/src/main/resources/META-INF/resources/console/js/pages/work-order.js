// One work order: the complaint on it (the four parts as known at dispatch), its deadlines with countdowns, its
// history; the return form (回单) for the agents of its department, the transfer form (转派) for them and operators.

import {call, idempotencyKey} from '../api.js';
import {countdownTo, field, fill, h, option} from '../dom.js';
import {category, code, dateTime, t} from '../i18n.js';
import {FOUR_PARTS, facts, fourParts, submit, text} from '../parts.js';

const RESOLUTIONS = ['RESOLVED', 'EXPLAINED', 'COMPENSATED', 'REFUNDED', 'NOT_REPRODUCIBLE'];
const FAULTS = ['DEPARTMENT', 'CUSTOMER_SERVICE_CENTRE', 'THIRD_PARTY', 'CUSTOMER', 'NONE'];

export async function render(page, [dispatchId], {person}) {
  const {data: w} = await call('routing', '/work-orders/' + encodeURIComponent(dispatchId));
  const departments = w.status === 'OPEN' && (person.role === 'agent' || person.role === 'operator')
    ? (await call('routing', '/departments')).data.departments : [];
  draw(page, w, person, departments);
}

function draw(page, w, person, departments) {
  const brief = w.complaint || {};
  const customer = brief.customer || {};
  const open = w.status === 'OPEN';
  const canReturn = open && person.role === 'agent';
  const canTransfer = open && (person.role === 'agent' || person.role === 'operator');
  const readsCases = ['operator', 'admin', 'auditor'].includes(person.role);
  fill(page,
    h('div', {class: 'page-head'},
      h('h1', {}, t('wo.title', w.dispatchId)),
      h('span', {id: 'work-order-status', class: 'status status-' + w.status, dataset: {status: w.status}},
        code('wo', w.status)),
      readsCases ? h('a', {href: '#/cases/' + encodeURIComponent(w.complaintId)}, t('wo.openCase')) : null),
    h('div', {class: 'grid'},
      h('section', {class: 'card wide', 'aria-labelledby': 'wo-complaint'},
        h('h2', {id: 'wo-complaint'}, t('wo.complaint'), ' ', w.complaintId),
        facts({id: 'work-order-complaint'}, [
          [t('wo.category'), category(brief.category) + (brief.subcategory ? ' / ' + brief.subcategory : '')],
          [t('wo.urgency'), code('urg', brief.urgency)], [t('wo.channel'), code('chan', brief.channel)],
          [t('queue.region'), brief.region], [t('wo.registeredAt'), dateTime(brief.registeredAt)],
          [t('wo.promisedReplyBy'), brief.promisedReplyBy ? dateTime(brief.promisedReplyBy) : null],
          [t('wo.customer'), [customer.name, customer.phone, code('tier', customer.tier), customer.contact]
            .filter(x => x && x !== '—').join(' · ')],
          [t('wo.dissatisfaction'), brief.dissatisfaction]]),
        fourParts(brief, {id: 'work-order-parts'})),
      h('section', {class: 'card', 'aria-labelledby': 'wo-deadlines'},
        h('h2', {id: 'wo-deadlines'}, t('wo.deadlines')),
        facts({}, [
          [t('queue.department'), w.department], [t('queue.attempt', w.attempt), code('wo', w.status)],
          [t('wo.dispatchedAt'), dateTime(w.dispatchedAt)],
          [t('wo.warnAt'), w.warnAt ? [dateTime(w.warnAt), ' ', open ? countdownTo('countdown-warn', w.warnAt) : null] : null],
          [t('wo.deadline'), w.returnDeadline ? [dateTime(w.returnDeadline), ' ', open ? countdownTo('countdown-deadline', w.returnDeadline) : null] : null],
          [t('queue.flags'), [w.warned ? h('span', {class: 'flag warn flag-warned'}, t('queue.warned')) : null,
            w.breached ? h('span', {class: 'flag bad flag-breached'}, t('queue.breached')) : null]],
          [t('wo.returnedAt'), w.returnedAt ? dateTime(w.returnedAt) + ' · ' + (w.returnedBy || '') : null]])),
      w.previousReturn ? h('section', {class: 'card', 'aria-labelledby': 'wo-previous'},
        h('h2', {id: 'wo-previous'}, t('wo.previousReturn')),
        facts({}, [[t('queue.department'), w.previousReturn.department],
          [t('wo.returnedAt'), dateTime(w.previousReturn.returnedAt)],
          [t('wo.resolution'), code('res', w.previousReturn.resolution)],
          [t('wo.faultOf'), code('fault', w.previousReturn.faultOf)]]),
        fourParts(w.previousReturn.result || {})) : null,
      w.result ? h('section', {class: 'card', id: 'work-order-result', 'aria-labelledby': 'wo-result'},
        h('h2', {id: 'wo-result'}, t('wo.result')),
        facts({}, [[t('wo.resolution'), code('res', w.resolution)], [t('wo.faultOf'), code('fault', w.faultOf)],
          [t('wo.accountable'), w.accountable]]),
        fourParts(w.result)) : null,
      history(w),
      canReturn ? returnForm(page, w, person, departments) : null,
      canTransfer ? transferForm(page, w, person, departments) : null));
}

function history(w) {
  const entries = Array.isArray(w.history) ? w.history : [];
  if (entries.length === 0) return null;
  return h('section', {class: 'card', 'aria-labelledby': 'wo-history'},
    h('h2', {id: 'wo-history'}, t('wo.history')),
    h('ol', {class: 'history'}, entries.map(e => h('li', {dataset: {action: e.action}},
      h('time', {datetime: e.at}, dateTime(e.at)), ' ', h('strong', {}, code('hist', e.action)), ' ',
      [e.from && e.to ? `${e.from} → ${e.to}` : e.to || e.department, e.level ? `L${e.level}` : null, e.reason, e.by]
        .filter(Boolean).join(' · ')))));
}

function returnForm(page, w, person, departments) {
  const key = idempotencyKey();
  const brief = w.complaint || {};
  // What is known of the four parts (the registration's; on a redispatch the previous return's problem and
  // measures) is where the agent starts from.
  const parts = Object.fromEntries(FOUR_PARTS.map(p => [p, h('textarea', {id: 'return-' + p, name: p, rows: 3,
    value: brief[p] || ''})]));
  const resolution = h('select', {id: 'return-resolution', name: 'resolution'}, option('', '—'),
    RESOLUTIONS.map(r => option(r, code('res', r))));
  const faultOf = h('select', {id: 'return-faultOf', name: 'faultOf'}, option('', '—'),
    FAULTS.map(f => option(f, code('fault', f))));
  const accountable = h('input', {id: 'return-accountable', name: 'accountable', type: 'text', maxlength: 200});
  const atFault = h('select', {id: 'return-operatorAtFault', name: 'operatorAtFault'}, option('', '—'),
    option('true', t('yes')), option('false', t('no')));
  const error = h('p', {id: 'return-error', class: 'error', role: 'alert', hidden: true});
  const form = h('form', {id: 'return-form', class: 'card wide', novalidate: true, 'aria-labelledby': 'return-head',
    onsubmit: async e => {
      e.preventDefault();
      const body = {resolution: resolution.value || null};
      for (const p of FOUR_PARTS) body[p] = text(parts[p]);
      if (faultOf.value) body.faultOf = faultOf.value;
      if (text(accountable)) body.accountable = text(accountable);
      if (atFault.value) body.operatorAtFault = atFault.value === 'true';
      const answer = await submit(form, error, async () => {
        try {
          return await call('routing', '/work-orders/' + encodeURIComponent(w.dispatchId) + '/return',
            {method: 'POST', body, key});
        } catch (e) {
          // Not open any more: returned already (an earlier try whose answer was lost, or a colleague): show it.
          if (e.status === 409) {
            const now = await call('routing', '/work-orders/' + encodeURIComponent(w.dispatchId));
            if (now.data.status !== 'OPEN') return now;
          }
          throw e;
        }
      });
      if (answer) {
        draw(page, answer.data, person, departments);
        const done = h('p', {id: 'return-done', class: 'success', role: 'status', tabindex: '-1'}, t('wo.returned'));
        page.querySelector('.page-head').after(done);
        done.focus();
      }
    }},
  h('h2', {id: 'return-head'}, t('wo.return')),
  FOUR_PARTS.map(p => field(t('wo.' + p), parts[p], p)),
  h('div', {class: 'row'},
    field(t('wo.resolution'), resolution, 'resolution'),
    field(t('wo.faultOf'), faultOf, 'faultOf'),
    field(t('wo.operatorAtFault'), atFault, 'operatorAtFault'),
    field(t('wo.accountable'), accountable, 'accountable')),
  error,
  h('button', {id: 'return-submit', type: 'submit'}, t('wo.returnSubmit')));
  return form;
}

function transferForm(page, w, person, departments) {
  const key = idempotencyKey();
  const department = h('select', {id: 'transfer-department', name: 'department'}, option('', '—'),
    departments.filter(d => d.id !== w.department).map(d => option(d.id, d.name ? `${d.name} (${d.id})` : d.id)));
  const reason = h('textarea', {id: 'transfer-reason', name: 'reason', rows: 2});
  const error = h('p', {id: 'transfer-error', class: 'error', role: 'alert', hidden: true});
  const form = h('form', {id: 'transfer-form', class: 'card', novalidate: true, 'aria-labelledby': 'transfer-head',
    onsubmit: async e => {
      e.preventDefault();
      const to = department.value;
      const answer = await submit(form, error, () => call('routing',
        '/work-orders/' + encodeURIComponent(w.dispatchId) + '/transfer',
        {method: 'POST', body: {department: to || null, reason: text(reason)}, key}));
      if (answer) {
        if (person.role === 'agent') {
          // The order left the agent's department: back to the queue, with word of where it went.
          location.hash = '#/queue';
          return;
        }
        draw(page, answer.data, person, departments);
        const note = h('p', {id: 'transfer-done', class: 'success', role: 'status'}, t('wo.transferred', to));
        page.querySelector('.page-head').after(note);
      }
    }},
  h('h2', {id: 'transfer-head'}, t('wo.transfer')),
  field(t('wo.transferTo'), department, 'department'),
  field(t('wo.transferReason'), reason, 'reason'),
  error,
  h('button', {id: 'transfer-submit', type: 'submit', class: 'secondary'}, t('wo.transferSubmit')));
  return form;
}
