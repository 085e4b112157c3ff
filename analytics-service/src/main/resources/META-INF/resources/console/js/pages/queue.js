// Work orders, the nearest RETURN deadline first, with live countdowns to the warning and the deadline: an agent's
// own department's, or any department's for operators. Filters and paging go to routing's queue door.

import {call} from '../api.js';
import {pager} from '../pager.js';
import {countdownTo, fill, h, inlineField, option, table} from '../dom.js';
import {CATEGORIES} from '../parts.js';
import {category, code, dateTime, t} from '../i18n.js';

const SIZE = 20;
const STATUSES = ['OPEN', 'RETURNED', 'SUPERSEDED'];
const FILTER_KEY = 'complaints.console.queue';

export async function render(page, params, {person}) {
  const isAgent = person.role === 'agent';
  const saved = JSON.parse(sessionStorage.getItem(FILTER_KEY) || '{}');
  const state = {department: '', category: '', region: '', status: 'OPEN', flag: '', ...saved};
  // An agent's queue is the token's department: a department kept from somebody else's filters is not asked for.
  if (isAgent) state.department = '';
  const departments = isAgent ? [] : (await call('routing', '/departments')).data.departments;

  const department = isAgent ? null : h('select', {id: 'filter-department', name: 'department'},
    option('', t('all'), state.department), departments.map(d => option(d.id, d.name || d.id, state.department)));
  const categorySelect = h('select', {id: 'filter-category', name: 'category'},
    option('', t('all'), state.category), CATEGORIES.map(c => option(c, category(c), state.category)));
  const region = h('input', {id: 'filter-region', name: 'region', type: 'text', value: state.region, size: 12});
  const status = h('select', {id: 'filter-status', name: 'status'},
    STATUSES.map(s => option(s, code('wo', s), state.status)));
  const flag = h('select', {id: 'filter-flag', name: 'flag'}, option('', t('all'), state.flag),
    option('warned', t('queue.warnedOnly'), state.flag), option('breached', t('queue.breachedOnly'), state.flag));
  const results = h('div', {id: 'queue-results', 'aria-live': 'polite'});
  const pages = pager(page, SIZE, load);

  const filters = h('form', {class: 'filters', id: 'queue-filters', onsubmit: e => { e.preventDefault(); go(); }},
    department ? inlineField(t('queue.department'), department) : null,
    inlineField(t('queue.category'), categorySelect),
    inlineField(t('queue.region'), region),
    inlineField(t('queue.status'), status),
    inlineField(t('queue.flags'), flag),
    h('button', {id: 'queue-refresh', type: 'submit'}, t('refresh')));
  for (const el of [department, categorySelect, status, flag]) if (el) el.addEventListener('change', () => go());

  fill(page,
    h('div', {class: 'page-head'}, h('h1', {}, t('queue.title') + (isAgent && person.department
      ? ' · ' + person.department : ''))),
    filters, results, pages.element);

  /** The filters as they are on the form now, kept for the tab, and their first page. */
  function go() {
    state.department = department ? department.value : '';
    state.category = categorySelect.value;
    state.region = region.value.trim();
    state.status = status.value;
    state.flag = flag.value;
    sessionStorage.setItem(FILTER_KEY, JSON.stringify(state));
    return pages.go(0);
  }

  async function load(number) {
    const {data, total} = await call('routing', '/work-orders', {query: {
      department: state.department, category: state.category, region: state.region, status: state.status,
      warned: state.flag === 'warned' ? 'true' : '', breached: state.flag === 'breached' ? 'true' : '',
      sort: 'deadline', page: number, size: SIZE,
    }});
    fill(results, data.length === 0 ? h('p', {class: 'muted'}, t('queue.empty'))
      : table({id: 'queue-table'}, [t('queue.complaint'), t('queue.department'), t('queue.category'),
        t('queue.region'), t('queue.dispatched'), t('queue.toWarning'), t('queue.toDeadline'), t('queue.flags')],
      data.map(row)));
    return total ?? data.length;
  }

  await pages.show();
}

function row(w) {
  const brief = w.complaint || {};
  const open = w.status === 'OPEN';
  return h('tr', {dataset: {dispatchId: w.dispatchId, complaintId: w.complaintId},
    class: w.breached ? 'breached' : w.warned ? 'warned' : null},
  h('td', {}, h('a', {class: 'open-work-order', href: '#/work-orders/' + encodeURIComponent(w.dispatchId)},
    w.complaintId), h('br'), h('small', {class: 'muted'}, t('queue.attempt', w.attempt), ' · ', code('wo', w.status))),
  h('td', {}, w.department),
  h('td', {}, category(brief.category), brief.urgency === 'URGENT' ? h('span', {class: 'flag bad'},
    code('urg', 'URGENT')) : null),
  h('td', {}, brief.region || '—'),
  h('td', {}, dateTime(w.dispatchedAt)),
  h('td', {}, open && w.warnAt && !w.warned ? countdownTo('countdown-warn', w.warnAt) : '—'),
  h('td', {}, open && w.returnDeadline ? countdownTo('countdown-deadline', w.returnDeadline)
    : w.returnedAt ? dateTime(w.returnedAt) : '—'),
  h('td', {class: 'flags'},
    w.warned ? h('span', {class: 'flag warn flag-warned'}, t('queue.warned')) : null,
    w.breached ? h('span', {class: 'flag bad flag-breached'}, t('queue.breached')) : null,
    w.urgedAt ? h('span', {class: 'flag'}, t('queue.urged')) : null,
    w.escalationLevel > 0 ? h('span', {class: 'flag bad'}, t('queue.escalated', w.escalationLevel)) : null));
}
