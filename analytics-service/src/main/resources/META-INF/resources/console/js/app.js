// The console's shell: sign-in state, navigation by role, the language switch, hash routes, live countdowns.

import {consoleConfig, forgetToken, loadConfig, person} from './api.js';
import {h, fill} from './dom.js';
import {code, countdown, lang, setLang, setZone, t} from './i18n.js';
import * as signin from './pages/signin.js';
import * as dashboard from './pages/dashboard.js';
import * as queue from './pages/queue.js';
import * as workOrder from './pages/work-order.js';
import * as surveys from './pages/surveys.js';
import * as contacts from './pages/contacts.js';
import * as cases from './pages/cases.js';
import * as caseView from './pages/case.js';
import * as kpis from './pages/kpis.js';

/** Which pages each role works with (the doors decide what it may read; this only keeps the menu short). */
const NAV = {
  operator: ['dashboard', 'queue', 'surveys', 'cases', 'kpis'],
  admin: ['dashboard', 'queue', 'surveys', 'cases', 'kpis'],
  agent: ['queue'],
  surveyor: ['surveys'],
  auditor: ['cases', 'queue', 'kpis'],
  submitter: [],
};

const ROUTES = [
  {pattern: /^signin$/, name: 'signin', page: signin, open: true},
  {pattern: /^dashboard$/, name: 'dashboard', page: dashboard},
  {pattern: /^queue$/, name: 'queue', page: queue},
  {pattern: /^work-orders\/([^/]+)$/, name: 'work-order', page: workOrder},
  {pattern: /^surveys$/, name: 'surveys', page: surveys},
  {pattern: /^contacts\/([^/]+)$/, name: 'contacts', page: contacts},
  {pattern: /^cases$/, name: 'cases', page: cases},
  {pattern: /^cases\/([^/]+)$/, name: 'case', page: caseView},
  {pattern: /^kpis$/, name: 'kpis', page: kpis},
];

export function homeOf(role) {
  return {operator: 'dashboard', admin: 'dashboard', agent: 'queue', surveyor: 'surveys', auditor: 'cases'}[role]
    || 'signin';
}

let cleanup = null;
let renderCount = 0;

function shell() {
  const who = person();
  const header = document.getElementById('top');
  const navItems = who && who.role ? NAV[who.role] || [] : [];
  fill(header,
    h('div', {class: 'brand'}, h('span', {class: 'logo', 'aria-hidden': 'true'}, '诉'), h('span', {}, t('title'))),
    h('nav', {'aria-label': t('title')},
      h('ul', {}, navItems.map(item => h('li', {},
        h('a', {href: '#/' + item, dataset: {nav: item}}, t('nav.' + item)))))),
    h('div', {class: 'session'},
      h('label', {for: 'lang', class: 'visually-hidden'}, t('language')),
      h('select', {id: 'lang', onchange: e => { setLang(e.target.value); route(); }},
        h('option', {value: 'zh', selected: lang() === 'zh'}, '中文'),
        h('option', {value: 'en', selected: lang() === 'en'}, 'English')),
      who ? h('span', {id: 'whoami', dataset: {subject: who.subject, role: who.role || '', department: who.department}},
        h('strong', {}, who.name), ' · ', code('role', who.role),
        who.department ? ' · ' + who.department : null) : null,
      who ? h('button', {id: 'sign-out', type: 'button', class: 'secondary', onclick: signOut}, t('signOut')) : null));
  document.title = t('title');
  markCurrentNav();
}

function markCurrentNav() {
  const current = location.hash.replace(/^#\//, '').split('/')[0];
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function signOut() {
  const provider = signin.providerSignOut();
  forgetToken();
  if (provider) location.assign(provider);
  else location.hash = '#/signin';
}

async function route() {
  let path;
  try {
    path = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  } catch (e) {
    path = '';
  }
  const who = person();
  if (!who && path !== 'signin') {
    location.hash = '#/signin';
    return;
  }
  const match = ROUTES.map(r => ({r, m: r.pattern.exec(path)})).find(x => x.m);
  if (!match) {
    location.hash = '#/' + homeOf(who && who.role);
    return;
  }
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  shell();
  // Each route draws into an element of its own: whatever a page left still loading goes on in an element no longer
  // shown, and cannot draw over the next page or mark it ready.
  const focusWasInPage = document.activeElement === document.body
    || (document.getElementById('page') || document.body).contains(document.activeElement);
  const pageEl = h('div', {id: 'page', tabindex: '-1', dataset: {ready: 'false', route: match.r.name}},
    h('p', {class: 'loading'}, t('loading')));
  document.getElementById('page').replaceWith(pageEl);
  const errorEl = document.getElementById('page-error');
  const render = ++renderCount;
  errorEl.hidden = true;
  try {
    const result = await match.r.page.render(pageEl, match.m.slice(1), {person: who, config: consoleConfig()});
    if (render !== renderCount) {
      if (typeof result === 'function') result();
      return;
    }
    cleanup = typeof result === 'function' ? result : null;
  } catch (e) {
    if (render !== renderCount) return;
    fill(pageEl);
    showError(e);
  }
  if (render !== renderCount) return;
  tick();
  pageEl.dataset.ready = 'true';
  const heading = pageEl.querySelector('h1');
  if (heading && focusWasInPage && !pageEl.contains(document.activeElement)) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

/** A failure of the whole page, shown above it; page: the page it comes from (ignored once that is gone). */
export function showError(e, page) {
  if (page && !page.isConnected) return;
  const errorEl = document.getElementById('page-error');
  errorEl.hidden = false;
  errorEl.textContent = e && e.describe ? e.describe() : String(e && e.message || e);
}

/** Takes a page's error off the screen once the page works again. */
export function clearError(page) {
  if (page && !page.isConnected) return;
  document.getElementById('page-error').hidden = true;
}

// Live countdowns: every element with data-until counts down to that instant once a second.
function tick() {
  const now = Date.now();
  for (const el of document.querySelectorAll('[data-until]')) {
    const left = new Date(el.dataset.until).getTime() - now;
    el.textContent = countdown(left);
    el.classList.toggle('past', left < 0);
  }
}

async function start() {
  setLang(lang());
  try {
    const config = await loadConfig();
    setZone(config.zone);
  } catch (e) {
    shell();
    showError(e);
    return;
  }
  window.addEventListener('hashchange', route);
  window.addEventListener('console:unauthorized', () => {
    forgetToken();
    sessionStorage.setItem('complaints.console.signin-message', t('error.unauthorized'));
    location.hash = '#/signin';
  });
  setInterval(tick, 1000);
  // The skip link moves the focus to the page instead of changing the route.
  document.querySelector('.skip-link').addEventListener('click', e => {
    e.preventDefault();
    document.getElementById('page').focus();
  });
  const finished = await signin.finishSingleSignOn();
  if (finished) {
    location.hash = '#/' + homeOf(person() && person().role);
  }
  await route();
}

start();
