// The customer desk's pending surveys (回访), oldest return first, and the form that records an answer.

import {call, idempotencyKey} from '../api.js';
import {pager} from '../pager.js';
import {countdownTo, field, fill, h, option, table} from '../dom.js';
import {category, code, dateTime, t} from '../i18n.js';
import {facts, fourParts, submit, text} from '../parts.js';

const SIZE = 20;

export async function render(page, params, {person}) {
  const answers = person.role === 'surveyor';
  const results = h('div', {id: 'surveys-results', 'aria-live': 'polite'});
  const panel = h('div', {id: 'survey-panel'});
  const pages = pager(page, SIZE, load);
  fill(page,
    h('div', {class: 'page-head'}, h('h1', {}, t('surveys.title')),
      h('button', {id: 'surveys-refresh', type: 'button', class: 'secondary', onclick: () => pages.go(pages.number())},
        t('refresh'))),
    results, pages.element, panel);

  async function load(number) {
    const {data, total} = await call('survey', '/surveys', {query: {status: 'PENDING', page: number, size: SIZE}});
    fill(results, data.length === 0 ? h('p', {class: 'muted'}, t('surveys.empty'))
      : table({id: 'surveys-table'}, [t('queue.complaint'), t('wo.customer'), t('queue.category'),
        t('queue.department'), t('surveys.returnedAt'), t('wo.resolution'), t('surveys.deadline'),
        t('surveys.unreached'), ''], data.map(s => h('tr', {dataset: {complaintId: s.complaintId}},
        h('td', {}, s.complaintId, h('br'), h('small', {class: 'muted'}, t('queue.attempt', s.attempt))),
        h('td', {}, [s.customer && s.customer.name, s.customer && s.customer.phone].filter(Boolean).join(' · ')),
        h('td', {}, category(s.category)),
        h('td', {}, s.department),
        h('td', {}, dateTime(s.returnedAt)),
        h('td', {}, code('res', s.resolution)),
        h('td', {}, s.surveyDeadline ? countdownTo('countdown-deadline', s.surveyDeadline)
          : '—'),
        h('td', {}, String(s.unreachableCount || 0)),
        h('td', {class: 'actions'},
          answers ? h('button', {type: 'button', class: 'answer-survey', onclick: () => openForm(s),
            'aria-label': t('surveys.form', s.complaintId)}, t('surveys.answer')) : null,
          h('a', {href: '#/contacts/' + encodeURIComponent(s.complaintId)}, t('surveys.contacts')))))));
    return total ?? data.length;
  }

  function openForm(s) {
    fill(panel, surveyForm(s, async () => {
      await pages.go(pages.number());
      const done = h('p', {id: 'survey-done', class: 'success', role: 'status', tabindex: '-1'}, t('surveys.done'));
      fill(panel, done);
      done.focus();
    }));
    panel.querySelector('#survey-reachable').focus();
  }

  await pages.show();
}

function surveyForm(s, onDone) {
  const key = idempotencyKey();
  const reachable = h('input', {id: 'survey-reachable', name: 'reachable', type: 'checkbox', checked: true});
  const satisfied = h('select', {id: 'survey-satisfied', name: 'satisfied'}, option('', '—'),
    option('true', t('surveys.satisfiedYes')), option('false', t('surveys.satisfiedNo')));
  const reason = h('textarea', {id: 'survey-reason', name: 'reason', rows: 2});
  const atFault = h('select', {id: 'survey-operatorAtFault', name: 'operatorAtFault'}, option('', '—'),
    option('true', t('yes')), option('false', t('no')));
  const explanation = h('textarea', {id: 'survey-explanation', name: 'explanation', rows: 2});
  const accepted = h('select', {id: 'survey-accepted', name: 'accepted'}, option('', '—'),
    option('true', t('yes')), option('false', t('no')));
  const dissatisfied = h('fieldset', {class: 'dissatisfied', hidden: true},
    h('legend', {}, t('surveys.satisfiedNo')),
    field(t('surveys.reason'), reason, 'reason'),
    field(t('surveys.operatorAtFault'), atFault, 'operatorAtFault'),
    field(t('surveys.explanation'), explanation, 'explanation'),
    field(t('surveys.accepted'), accepted, 'accepted'));
  const answered = h('div', {class: 'answered'}, field(t('surveys.satisfied'), satisfied, 'satisfied'), dissatisfied);
  const sync = () => {
    answered.hidden = !reachable.checked;
    dissatisfied.hidden = satisfied.value !== 'false';
  };
  reachable.addEventListener('change', sync);
  satisfied.addEventListener('change', sync);
  const error = h('p', {id: 'survey-error', class: 'error', role: 'alert', hidden: true});
  const form = h('form', {id: 'survey-form', class: 'card', novalidate: true, dataset: {complaintId: s.complaintId},
    'aria-labelledby': 'survey-head', onsubmit: async e => {
      e.preventDefault();
      const body = {reachable: reachable.checked};
      if (reachable.checked) {
        if (satisfied.value) body.satisfied = satisfied.value === 'true';
        if (satisfied.value === 'false') {
          body.reason = text(reason);
          if (atFault.value) body.operatorAtFault = atFault.value === 'true';
          body.explanation = text(explanation);
          if (accepted.value) body.accepted = accepted.value === 'true';
        }
      }
      const answer = await submit(form, error, () => call('survey',
        '/surveys/' + encodeURIComponent(s.complaintId) + '/answers', {method: 'POST', body, key}));
      if (answer) await onDone();
    }},
  h('h2', {id: 'survey-head'}, t('surveys.form', s.complaintId)),
  facts({}, [[t('wo.customer'), [s.customer && s.customer.name, s.customer && s.customer.phone].filter(Boolean)
    .join(' · ')], [t('case.demand'), s.demand], [t('wo.resolution'), code('res', s.resolution)],
  [t('wo.faultOf'), s.faultOf ? code('fault', s.faultOf) : null]]),
  s.result ? fourParts(s.result) : null,
  h('div', {class: 'field checkbox'}, reachable, h('label', {for: reachable.id}, t('surveys.reachable')),
    h('div', {class: 'field-error', dataset: {field: 'reachable'}, id: 'survey-reachable-error', role: 'alert',
      hidden: true})),
  answered,
  error,
  h('button', {id: 'survey-submit', type: 'submit'}, t('surveys.submit')));
  sync();
  return form;
}
