// Paging of a list page: Previous, where we are, Next. The page's load(number) draws that page of the list and
// answers how many items the list has in all (the door's X-Total-Count or total).

import {h} from './dom.js';
import {t} from './i18n.js';
import {clearError, showError} from './app.js';

export function pager(page, size, load) {
  let number = 0;
  const info = h('span', {id: 'page-info'});
  const prev = h('button', {id: 'page-prev', type: 'button', class: 'secondary', onclick: () => go(number - 1)},
    t('prev'));
  const next = h('button', {id: 'page-next', type: 'button', class: 'secondary', onclick: () => go(number + 1)},
    t('next'));

  /** Draws page n; a failure is shown above the page, which stays usable. */
  async function go(n) {
    number = Math.max(0, n);
    page.dataset.ready = 'false';
    try {
      await show();
      clearError(page);
    } catch (e) {
      showError(e, page);
    } finally {
      page.dataset.ready = 'true';
    }
  }

  /** Draws the current page; a failure is thrown (the first drawing of a page lets the route show it). */
  async function show() {
    const total = (await load(number)) || 0;
    const pages = Math.max(1, Math.ceil(total / size));
    info.textContent = t('pageInfo', number + 1, pages, total);
    prev.disabled = number === 0;
    next.disabled = number + 1 >= pages;
  }

  return {element: h('div', {class: 'pager'}, prev, info, next), go, show, number: () => number};
}
