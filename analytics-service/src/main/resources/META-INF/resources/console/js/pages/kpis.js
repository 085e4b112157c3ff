// KPIs for a chosen range, by department, category, region or channel: a table, a chart of one figure, CSV.

import {call} from '../api.js';
import {fill, h, inlineField, option, table} from '../dom.js';
import {category, code, nextDate, number, percent, seconds, t, timeZone, zonedInstant} from '../i18n.js';
import {chart, update} from '../charts.js';
import {csvFile} from '../csv.js';

const GROUPS = ['department', 'category', 'region', 'channel'];
const RATES = ['onTimeReturnRate', 'satisfactionRate', 'replyRate', 'contactTimeliness', 'answerTimeliness',
  'progressCompliance', 'redispatchRate', 'misroutingRate', 'recurrenceRate', 'firstContactResolutionRate'];
const COUNTS = ['volume', 'closed', 'warnings', 'breaches', 'urged', 'escalated', 'transferred'];
const TIMES = ['meanHandlingSeconds', 'p90HandlingSeconds'];
const SHOWN = ['volume', 'closed', 'onTimeReturnRate', 'satisfactionRate', 'replyRate', 'contactTimeliness',
  'answerTimeliness', 'progressCompliance', 'redispatchRate', 'warnings', 'breaches', 'meanHandlingSeconds'];
const CSV_FIGURES = [...COUNTS, ...RATES, ...TIMES, 'complaintsPer10k'];

function today(offsetDays) {
  const at = new Date(Date.now() + offsetDays * 86400000);
  return new Intl.DateTimeFormat('en-CA', {timeZone: timeZone()}).format(at);
}

function show(name, value) {
  if (RATES.includes(name)) return percent(value);
  if (TIMES.includes(name)) return seconds(value);
  return number(value);
}

function groupLabel(groupBy, group) {
  if (groupBy === 'category') return category(group);
  if (groupBy === 'channel') return code('chan', group);
  return group;
}

export async function render(page) {
  const from = h('input', {id: 'kpi-from', name: 'from', type: 'date', value: today(-30), required: true});
  const to = h('input', {id: 'kpi-to', name: 'to', type: 'date', value: today(0), required: true});
  const group = h('select', {id: 'kpi-group', name: 'groupBy'}, GROUPS.map(g => option(g, t('group.' + g))));
  const figure = h('select', {id: 'kpi-figure', name: 'figure'},
    [...RATES, ...COUNTS].map(f => option(f, t('fig.' + f), 'onTimeReturnRate')));
  const error = h('p', {id: 'kpi-error', class: 'error', role: 'alert', hidden: true});
  const results = h('div', {id: 'kpi-results'});
  const csv = h('a', {id: 'kpi-csv', class: 'button secondary', href: '#', download: 'kpis.csv'}, t('kpis.csv'));
  const canvas = h('canvas', {id: 'kpi-chart', role: 'img', 'aria-label': t('kpis.chartFigure')});
  fill(page,
    h('div', {class: 'page-head'}, h('h1', {}, t('kpis.title'))),
    h('form', {class: 'filters', id: 'kpi-form', onsubmit: e => { e.preventDefault(); load(); }},
      [[t('kpis.from'), from], [t('kpis.to'), to], [t('kpis.group'), group], [t('kpis.chartFigure'), figure]]
        .map(([label, input]) => inlineField(label, input)),
      h('button', {id: 'kpi-load', type: 'submit'}, t('kpis.load')), csv),
    error,
    h('section', {class: 'card wide'}, h('div', {class: 'chart-box'}, canvas)),
    results);
  const kpiChart = chart(canvas, 'bar', [], [], {});
  let report = null;
  figure.addEventListener('change', () => drawChart());

  function drawChart() {
    if (!report) return;
    const f = figure.value;
    const rate = RATES.includes(f);
    update(kpiChart, report.groups.map(g => groupLabel(report.groupBy, g.group)), [{label: t('fig.' + f),
      data: report.groups.map(g => g[f] === null ? null : rate ? Math.round(g[f] * 1000) / 10 : g[f])}]);
  }

  async function load() {
    error.hidden = true;
    page.dataset.ready = 'false';
    try {
      // Days of the business zone; the end date is included: the range runs to the start of the next day.
      const answer = await call('analytics', '/kpis', {query: {from: zonedInstant(from.value),
        to: zonedInstant(nextDate(to.value)), groupBy: group.value}});
      report = answer.data;
      const rows = [...report.groups, {...report.total, group: t('kpis.total'), total: true}];
      fill(results, table({id: 'kpi-table'}, [t('group.' + report.groupBy), ...SHOWN.map(f => t('fig.' + f))],
        rows.map(g => h('tr', {dataset: {group: g.total ? 'ALL' : g.group}, class: g.total ? 'total' : null},
          h('th', {scope: 'row'}, g.total ? g.group : groupLabel(report.groupBy, g.group)),
          SHOWN.map(f => h('td', {class: g.belowTarget && g.belowTarget.includes(f) ? 'missed' : null,
            dataset: {figure: f, value: g[f] ?? ''}}, show(f, g[f])))))));
      drawChart();
      const file = csvFile(['group', ...CSV_FIGURES], rows.map(g => [g.total ? 'ALL' : g.group,
        ...CSV_FIGURES.map(f => g[f])]));
      URL.revokeObjectURL(csv.href);
      csv.href = URL.createObjectURL(new Blob([file], {type: 'text/csv'}));
      csv.download = `kpis-${report.groupBy}-${from.value}-${to.value}.csv`;
    } catch (e) {
      error.textContent = e.describe ? e.describe() : String(e);
      error.hidden = false;
    } finally {
      page.dataset.ready = 'true';
    }
  }

  await load();
  return () => kpiChart && kpiChart.destroy();
}
