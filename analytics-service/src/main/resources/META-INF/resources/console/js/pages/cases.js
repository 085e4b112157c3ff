// Cases: open one by its number, or browse them by status, category, region and department.

import {call} from '../api.js';
import {pager} from '../pager.js';
import {fill, h, inlineField, option, table} from '../dom.js';
import {CATEGORIES} from '../parts.js';
import {category, code, dateTime, t} from '../i18n.js';

const SIZE = 25;
const STATUSES = ['REGISTERED', 'TRIAGE', 'DISPATCHED', 'RETURNED', 'SATISFIED', 'DISSATISFIED', 'CLOSED',
  'RESOLVED_AT_FIRST_CONTACT'];

export async function render(page) {
  const search = h('input', {id: 'case-search', name: 'complaintId', type: 'search', autocomplete: 'off'});
  const status = h('select', {id: 'filter-status', name: 'status'}, option('', t('all')),
    STATUSES.map(s => option(s, code('status', s))));
  const categorySelect = h('select', {id: 'filter-category', name: 'category'}, option('', t('all')),
    CATEGORIES.map(c => option(c, category(c))));
  const region = h('input', {id: 'filter-region', name: 'region', type: 'text', size: 12});
  const department = h('input', {id: 'filter-department', name: 'department', type: 'text', size: 16});
  const results = h('div', {id: 'cases-results', 'aria-live': 'polite'});
  const pages = pager(page, SIZE, load);
  fill(page,
    h('div', {class: 'page-head'}, h('h1', {}, t('cases.title'))),
    h('form', {class: 'filters', onsubmit: e => {
      e.preventDefault();
      const id = search.value.trim();
      if (id) location.hash = '#/cases/' + encodeURIComponent(id);
    }},
    inlineField(t('cases.search'), search),
    h('button', {id: 'case-open', type: 'submit'}, t('cases.open'))),
    h('form', {class: 'filters', onsubmit: e => { e.preventDefault(); pages.go(0); }},
      [[t('queue.status'), status], [t('queue.category'), categorySelect], [t('queue.region'), region],
        [t('queue.department'), department]].map(([label, input]) => inlineField(label, input)),
      h('button', {id: 'cases-refresh', type: 'submit', class: 'secondary'}, t('refresh'))),
    results, pages.element);
  for (const el of [status, categorySelect]) el.addEventListener('change', () => pages.go(0));

  async function load(number) {
    const {data} = await call('analytics', '/cases', {query: {status: status.value, category: categorySelect.value,
      region: region.value.trim(), department: department.value.trim(), page: number, size: SIZE}});
    fill(results, data.items.length === 0 ? h('p', {class: 'muted'}, t('cases.empty'))
      : table({id: 'cases-table'}, [t('queue.complaint'), t('queue.status'), t('queue.category'), t('queue.region'),
        t('queue.department'), t('cases.registeredAt'), t('queue.flags')], data.items.map(c =>
        h('tr', {dataset: {complaintId: c.complaintId}},
          h('td', {}, h('a', {href: '#/cases/' + encodeURIComponent(c.complaintId)}, c.complaintId)),
          h('td', {}, code('status', c.status)), h('td', {}, category(c.category)), h('td', {}, c.region),
          h('td', {}, c.department || '—'), h('td', {}, dateTime(c.registeredAt)),
          h('td', {class: 'flags'}, c.warnings ? h('span', {class: 'flag warn'}, `${t('queue.warned')} ${c.warnings}`)
            : null, c.breaches ? h('span', {class: 'flag bad'}, `${t('queue.breached')} ${c.breaches}`) : null)))));
    return data.total;
  }

  await pages.show();
  search.focus();
}
