// The operators' dashboard: open complaints by stage, deadlines warned and overdue now, today's registrations per
// hour, the rates of the last 7 and 30 days against the seeds' targets, hotspots. It refreshes by itself.

import {call} from '../api.js';
import {fill, h, table} from '../dom.js';
import {category, code, dateTime, hourOf, number, percent, t} from '../i18n.js';
import {chart, update} from '../charts.js';
import {clearError, showError} from '../app.js';

const STATUSES = ['REGISTERED', 'TRIAGE', 'DISPATCHED', 'RETURNED', 'SATISFIED', 'DISSATISFIED',
  'RESOLVED_AT_FIRST_CONTACT'];
const RATE_FIGURES = ['onTimeReturnRate', 'satisfactionRate', 'replyRate', 'contactTimeliness', 'answerTimeliness',
  'progressCompliance'];
const COUNT_FIGURES = ['volume', 'closed', 'warnings', 'breaches'];
const PERIODS = [{id: '7d', days: 7, label: 'dash.last7'}, {id: '30d', days: 30, label: 'dash.last30'}];

/** A figure's place: its text, and its raw value in data-value ("" for null) for whoever checks it. */
function figure(name, label) {
  return h('div', {class: 'figure', dataset: {figure: name, value: ''}},
    h('span', {class: 'figure-label'}, label), h('span', {class: 'figure-value'}, '—'));
}

function setFigure(root, name, value, text) {
  const el = root.querySelector(`[data-figure="${name}"]`);
  if (!el) return;
  el.dataset.value = value === null || value === undefined ? '' : String(value);
  el.querySelector('.figure-value').textContent = text;
}

export async function render(page, params, {config}) {
  const periodSections = PERIODS.map(p => h('section', {class: 'card period', dataset: {period: p.id},
    'aria-labelledby': 'period-' + p.id},
  h('h2', {id: 'period-' + p.id}, t(p.label)),
  h('div', {class: 'figures'},
    RATE_FIGURES.map(f => figure(f, t('fig.' + f))),
    COUNT_FIGURES.map(f => figure(f, t('fig.' + f))))));
  const registrationsCanvas = h('canvas', {id: 'registrations-chart', role: 'img', 'aria-label': t('dash.today')});
  const ratesCanvas = h('canvas', {id: 'rates-chart', role: 'img', 'aria-label': t('dash.rates')});
  const hotspots = h('div', {id: 'hotspots-place'});
  const targets = h('div', {id: 'targets-place'});
  const updated = h('p', {id: 'dashboard-updated', class: 'muted'});
  fill(page,
    h('div', {class: 'page-head'}, h('h1', {}, t('dash.title')), updated),
    h('div', {id: 'dashboard', class: 'grid'},
      h('section', {class: 'card', 'aria-labelledby': 'open-head'},
        h('h2', {id: 'open-head'}, t('dash.open')),
        h('div', {class: 'figures'},
          STATUSES.map(s => figure('open-' + s, code('status', s))),
          figure('open-total', t('dash.openTotal')))),
      h('section', {class: 'card', 'aria-labelledby': 'now-head'},
        h('h2', {id: 'now-head'}, t('dash.now')),
        h('div', {class: 'figures'},
          figure('warning-now', t('dash.warningNow')), figure('breached-now', t('dash.breachedNow')),
          figure('registered-today', t('dash.registeredToday')), figure('closed-today', t('dash.closedToday')))),
      h('section', {class: 'card wide', 'aria-labelledby': 'today-head'},
        h('h2', {id: 'today-head'}, t('dash.today')), h('div', {class: 'chart-box'}, registrationsCanvas)),
      h('section', {class: 'card wide', 'aria-labelledby': 'rates-head'},
        h('h2', {id: 'rates-head'}, t('dash.rates')), h('div', {class: 'chart-box'}, ratesCanvas)),
      periodSections,
      h('section', {class: 'card', 'aria-labelledby': 'targets-head'}, h('h2', {id: 'targets-head'}, t('dash.targets')),
        targets),
      h('section', {class: 'card', 'aria-labelledby': 'hotspots-head'}, h('h2', {id: 'hotspots-head'}, t('dash.hotspots')),
        hotspots)));

  const charts = {
    registrations: chart(registrationsCanvas, 'bar', [], [{label: t('dash.today'), data: []}],
      {plugins: {legend: {display: false}}, scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}),
    rates: chart(ratesCanvas, 'bar', [], [], {scales: {y: {beginAtZero: true, max: 100,
      ticks: {callback: v => v + '%'}}}}),
  };

  let stopped = false;

  /** One refresh: each part drawn from the doors that answered; the first failure thrown after all are drawn. */
  async function refresh() {
    const now = new Date();
    const ranges = PERIODS.map(p => ({...p, to: now.toISOString(),
      from: new Date(now.getTime() - p.days * 86400000).toISOString()}));
    const answers = await Promise.allSettled([
      call('analytics', '/dashboard'),
      call('sla', '/sla/clocks', {query: {state: 'WARNING', size: 1}}),
      call('sla', '/sla/clocks', {query: {state: 'BREACHED', size: 1}}),
      call('analytics', '/hotspots'),
      ...ranges.map(r => call('analytics', '/kpis', {query: {from: r.from, to: r.to}})),
    ]);
    if (stopped) return;
    const [summary, warning, breached, hot, ...reports] = answers.map(a => a.status === 'fulfilled' ? a.value : null);

    if (summary) {
      const d = summary.data;
      for (const s of STATUSES) setFigure(page, 'open-' + s, d.byStatus[s] ?? 0, number(d.byStatus[s] ?? 0));
      setFigure(page, 'open-total', d.open, number(d.open));
      setFigure(page, 'registered-today', d.registered, number(d.registered));
      setFigure(page, 'closed-today', d.closed, number(d.closed));
      update(charts.registrations, d.registrationsPerHour.map(b => hourOf(b.hour)),
        [{label: t('dash.today'), data: d.registrationsPerHour.map(b => b.count)}]);
    }
    if (warning) setFigure(page, 'warning-now', warning.total, number(warning.total));
    if (breached) setFigure(page, 'breached-now', breached.total, number(breached.total));

    ranges.forEach((r, i) => {
      if (!reports[i]) return;
      const section = page.querySelector(`[data-period="${r.id}"]`);
      section.dataset.from = r.from;
      section.dataset.to = r.to;
      const total = reports[i].data.total;
      for (const f of RATE_FIGURES) setFigure(section, f, total[f], percent(total[f]));
      for (const f of COUNT_FIGURES) setFigure(section, f, total[f], number(total[f]));
    });
    if (reports.every(Boolean)) {
      update(charts.rates, RATE_FIGURES.map(f => t('fig.' + f)), ranges.map((r, i) => ({
        label: t(r.label),
        data: RATE_FIGURES.map(f => reports[i].data.total[f] === null ? null
          : Math.round(reports[i].data.total[f] * 1000) / 10),
      })));
    }

    if (reports[1]) {
      const month = reports[1].data;
      fill(targets, table({id: 'targets', class: 'compact'}, [t('dash.figures'), t('dash.target'),
        t('dash.last30'), ''], month.targets.map(target => {
        const value = month.total[target.figure];
        const missed = month.total.belowTarget.includes(target.figure);
        const rate = target.figure !== 'complaintsPer10k';
        return h('tr', {dataset: {target: target.figure, missed: String(missed)}},
          h('th', {scope: 'row'}, t('fig.' + target.figure)),
          h('td', {}, target.rule.replace(/[0-9.]+/, n => rate ? percent(Number(n)) : n)),
          h('td', {}, value === null ? t('dash.noData') : rate ? percent(value) : number(value)),
          h('td', {}, value === null ? '' : h('span', {class: missed ? 'flag bad' : 'flag good'},
            missed ? t('dash.missed') : t('dash.met'))));
      })));
    }

    if (hot) {
      const spots = hot.data.hotspots;
      fill(hotspots, spots.length === 0 ? h('p', {class: 'muted'}, t('dash.noHotspots'))
        : table({id: 'hotspots'}, [t('queue.region'), t('queue.category'), t('fig.volume'), '×'],
          spots.map(s => h('tr', {dataset: {region: s.region, category: s.category}},
            h('td', {}, s.region), h('td', {}, category(s.category)), h('td', {}, number(s.count)),
            h('td', {}, s.ratio === null ? t('dash.new') : number(s.ratio))))));
    }
    const failed = answers.find(a => a.status === 'rejected');
    if (failed) throw failed.reason;
    updated.textContent = t('updated') + ' ' + dateTime(now.toISOString());
  }

  // Refreshes follow one another (the next one is planned when the last has finished), and a failure, even the
  // first, leaves the page up and refreshing: a wall screen recovers by itself when the doors answer again.
  let timer = null;
  async function cycle(first) {
    if (!first) page.dataset.ready = 'false';
    try {
      await refresh();
      clearError(page);
    } catch (e) {
      showError(e, page);
    }
    if (stopped) return;
    page.dataset.ready = 'true';
    timer = setTimeout(() => cycle(false), (config.refreshSeconds || 15) * 1000);
  }
  await cycle(true);
  return () => {
    stopped = true;
    clearTimeout(timer);
    Object.values(charts).forEach(c => c && c.destroy());
  };
}
