// One complaint's whole story: as registered (masked or not, as the role allows), its work orders with their four
// parts, every SLA clock, the contacts, and for auditors the audit archive's timeline with the chain's verdict and
// the case as it stood at a chosen instant.

import {call} from '../api.js';
import {countdownTo, fill, h, inlineField, table} from '../dom.js';
import {category, code, dateTime, t, zonedInstant} from '../i18n.js';
import {clearError, showError} from '../app.js';
import {facts, fourParts} from '../parts.js';
import {contactsTable} from '../contacts-log.js';

export async function render(page, [complaintId], {person}) {
  const id = encodeURIComponent(complaintId);
  const auditor = person.role === 'auditor';
  const [caseAnswer, registration, trail] = await Promise.all([
    call('analytics', '/cases/' + id),
    call('intake', '/complaints/' + id).catch(e => ({error: e})),
    auditor ? call('analytics', '/audit/complaints/' + id + '/events') : Promise.resolve(null),
  ]);
  const c = caseAnswer.data;
  const orders = await Promise.all(c.workOrders.map(w => call('routing', '/work-orders/' + encodeURIComponent(w.dispatchId))
    .then(a => a.data, () => null)));
  const state = h('div', {id: 'case-state', class: 'grid span-all'});
  const asOf = h('input', {id: 'as-of', name: 'asOf', type: 'datetime-local', step: 1});
  fill(page,
    h('div', {class: 'page-head'}, h('h1', {}, t('case.title', complaintId)),
      h('span', {id: 'case-status', class: 'status status-' + c.status, dataset: {status: c.status}},
        code('status', c.status))),
    auditor ? h('form', {class: 'filters', id: 'as-of-form', onsubmit: async e => {
      e.preventDefault();
      if (!asOf.value) {
        drawState(state, c, orders, null);
        return;
      }
      const at = zonedInstant(asOf.value);
      page.dataset.ready = 'false';
      try {
        const past = await call('analytics', '/audit/complaints/' + id + '/state', {query: {asOf: at}});
        drawState(state, past.data, orders, at);
        clearError(page);
      } catch (e) {
        showError(e, page);
      } finally {
        page.dataset.ready = 'true';
      }
    }},
    inlineField(t('case.asOf'), asOf),
    h('button', {id: 'as-of-apply', type: 'submit', class: 'secondary'}, t('case.asOfApply'))) : null,
    h('div', {class: 'grid'},
      registrationCard(registration),
      state,
      auditor ? timeline(trail.data) : h('section', {class: 'card wide muted'}, t('case.timelineAuditorsOnly'))));
  drawState(state, c, orders, null);
}

function registrationCard(answer) {
  if (answer.error) {
    return h('section', {id: 'case-complaint', class: 'card wide'}, h('h2', {}, t('case.complaint')),
      h('p', {class: 'error'}, answer.error.describe()));
  }
  const r = answer.data;
  const customer = r.customer || {};
  return h('section', {id: 'case-complaint', class: 'card wide', 'aria-labelledby': 'case-complaint-head'},
    h('h2', {id: 'case-complaint-head'}, t('case.complaint')),
    facts({}, [
      [t('wo.registeredAt'), dateTime(r.registeredAt)], [t('wo.channel'), code('chan', r.channel)],
      [t('wo.category'), category(r.category) + (r.subcategory ? ' / ' + r.subcategory : '')],
      [t('wo.urgency'), code('urg', r.urgency)], [t('queue.region'), r.region],
      [t('case.customer'), [customer.name, customer.phone, code('tier', customer.tier), customer.contact]
        .filter(x => x && x !== '—').join(' · ')],
      [t('case.description'), r.description], [t('case.demand'), r.demand],
      [t('wo.promisedReplyBy'), r.promisedReplyBy ? dateTime(r.promisedReplyBy) : null]]));
}

/** The parts of the case that change with time: drawn for now, or for the state as of an instant. */
function drawState(place, c, orders, asOf) {
  const byId = new Map(orders.filter(Boolean).map(o => [o.dispatchId, o]));
  fill(place,
    asOf ? h('p', {id: 'as-of-shown', class: 'notice', role: 'status'}, t('case.asOfShown', dateTime(asOf)),
      ' ', h('span', {dataset: {status: c.status}}, code('status', c.status))) : null,
    h('section', {class: 'card wide', 'aria-labelledby': 'case-facts-head'},
      h('h2', {id: 'case-facts-head'}, code('status', c.status)),
      facts({}, [[t('queue.department'), c.department], [t('case.attempts'), String(c.attempts)],
        [t('case.survey'), c.surveyOutcome ? code('outcome', c.surveyOutcome) : null], [t('case.closedAt'), c.closedAt ? dateTime(c.closedAt) : null]])),
    h('section', {id: 'case-work-orders', class: 'card wide', 'aria-labelledby': 'case-wo-head'},
      h('h2', {id: 'case-wo-head'}, t('case.workOrders')),
      c.workOrders.length === 0 ? h('p', {class: 'muted'}, t('none')) : c.workOrders.map(w => {
        const full = byId.get(w.dispatchId);
        return h('article', {class: 'work-order', dataset: {dispatchId: w.dispatchId, status: w.status}},
          h('h3', {}, h('a', {href: '#/work-orders/' + encodeURIComponent(w.dispatchId)}, w.dispatchId), ' · ',
            t('queue.attempt', w.attempt), ' · ', w.department, ' · ', code('wo', w.status)),
          facts({}, [[t('wo.dispatchedAt'), dateTime(w.dispatchedAt)],
            [t('wo.deadline'), w.returnDeadline ? dateTime(w.returnDeadline) : null],
            [t('wo.returnedAt'), w.returnedAt ? dateTime(w.returnedAt) : null],
            [t('wo.resolution'), w.resolution ? code('res', w.resolution) : null],
            [t('wo.faultOf'), w.faultOf ? code('fault', w.faultOf) : null],
            [t('fig.transferred'), w.transfers ? String(w.transfers) : null],
            [t('fig.escalated'), w.escalationLevel ? 'L' + w.escalationLevel : null]]),
          // The four parts as they stood: the return's once it was returned (as of then), the dispatch's before.
          full ? fourParts((w.returnedAt ? full.result : null) || full.complaint || {}) : null);
      })),
    h('section', {id: 'case-clocks-section', class: 'card wide', 'aria-labelledby': 'case-clocks-head'},
      h('h2', {id: 'case-clocks-head'}, t('case.clocks')),
      table({id: 'case-clocks'}, [t('case.clocks'), t('clock.started'), t('clock.warnAt'), t('clock.deadline'),
        t('clock.state')], c.deadlines.map(d => h('tr', {dataset: {clock: d.clock, dispatchId: d.dispatchId}},
        h('th', {scope: 'row'}, code('clock', d.clock), d.sequence ? ` #${d.sequence}` : ''),
        h('td', {}, dateTime(d.startedAt)), h('td', {}, dateTime(d.warnAt)), h('td', {}, dateTime(d.deadline)),
        h('td', {}, clockState(d)))))),
    h('section', {id: 'case-contacts', class: 'card wide', 'aria-labelledby': 'case-contacts-head'},
      h('h2', {id: 'case-contacts-head'}, t('case.contacts')), contactsTable(c.contacts)));
}

function clockState(d) {
  if (d.stoppedAt) return h('span', {class: 'flag good'}, t('clock.stopped'), ' ', dateTime(d.stoppedAt));
  if (d.breachedAt) return h('span', {class: 'flag bad'}, t('clock.breached'));
  if (d.warnedAt) return h('span', {class: 'flag warn'}, t('clock.warned'));
  return countdownTo('countdown-deadline', d.deadline);
}

function timeline(trail) {
  const verdict = trail.chainValid
    ? h('p', {id: 'chain-verdict', class: 'flag good', dataset: {valid: 'true'}}, t('case.chainValid'))
    : h('p', {id: 'chain-verdict', class: 'flag bad', dataset: {valid: 'false'}}, t('case.chainBroken',
      trail.chainProblem || (trail.firstBadEvent && trail.firstBadEvent.reason) || ''));
  return h('section', {class: 'card wide', 'aria-labelledby': 'timeline-head'},
    h('h2', {id: 'timeline-head'}, t('case.timeline')), verdict,
    h('ol', {id: 'case-timeline', class: 'timeline'}, trail.events.map(e => h('li', {class: 'timeline-event',
      dataset: {type: e.type, seq: e.seq, eventId: e.eventId}},
    h('time', {datetime: e.occurredAt}, dateTime(e.occurredAt)), ' ',
    h('strong', {}, code('ev', e.name || e.type)), ' ',
    h('span', {class: 'muted'}, [e.data && e.data.clock ? code('clock', e.data.clock) : null, e.data && e.data.actor,
      e.data && e.data.department].filter(Boolean).join(' · ')),
    e.notApplied ? h('span', {class: 'flag warn'}, e.notApplied) : null))));
}
