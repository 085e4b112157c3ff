// Hash routes as the console has them: #/signin, then #/queue, whose data arrives a moment later.
const KEY = 'complaints.console.token';
const page = document.getElementById('page');
const whoami = document.getElementById('whoami');
const signOut = document.getElementById('sign-out');

function subjectOf(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(payload)).sub;
}

function shell() {
  const token = sessionStorage.getItem(KEY);
  whoami.hidden = !token;
  signOut.hidden = !token;
  if (token) {
    whoami.dataset.subject = subjectOf(token);
    whoami.textContent = whoami.dataset.subject;
  }
}

function render() {
  shell();
  const route = (location.hash.replace(/^#\//, '') || 'signin').split('/')[0];
  page.dataset.ready = 'false';
  page.dataset.route = route;
  page.replaceChildren();
  if (route === 'signin') {
    const label = Object.assign(document.createElement('label'), {htmlFor: 'token', textContent: '令牌 / Token'});
    const area = Object.assign(document.createElement('textarea'), {id: 'token'});
    const button = Object.assign(document.createElement('button'), {id: 'sign-in', textContent: '登录'});
    button.addEventListener('click', () => {
      sessionStorage.setItem(KEY, area.value.trim());
      location.hash = '#/queue';
    });
    page.append(label, area, button);
    page.dataset.ready = 'true';
  } else if (route === 'queue') {
    setTimeout(() => {
      const table = Object.assign(document.createElement('table'), {id: 'queue-table', className: 'wide'});
      table.innerHTML = '<tr data-dispatch-id="d-1" data-complaint-id="c-1"><td>派单 d-1</td></tr>';
      page.append(table);
      page.dataset.ready = 'true';
    }, 300);
  }
}

signOut.addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  location.hash = '#/signin';
});
window.addEventListener('hashchange', render);
render();
