// Unit tests of the console's own logic, run by Node.js' test runner in analytics-service's test phase
// (exec-maven-plugin: node --test src/test/js/). The modules are the ones the browser loads; the few browser
// globals they read at load time are stood in for here.
import {test} from 'node:test';
import assert from 'node:assert/strict';

const store = () => {
  const m = new Map();
  return {getItem: k => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)),
    removeItem: k => m.delete(k), key: i => [...m.keys()][i], get length() { return m.size; }, keys: () => [...m.keys()]};
};
globalThis.localStorage = store();
globalThis.sessionStorage = store();
globalThis.document = {documentElement: {}};
Object.defineProperty(globalThis, 'navigator', {value: {languages: ['zh-CN', 'en']}, configurable: true});
globalThis.location = {protocol: 'http:', hostname: 'ops.example.cn', href: 'http://ops.example.cn:8085/console/'};

const CONSOLE = '../../main/resources/META-INF/resources/console/js/';
const i18n = await import(CONSOLE + 'i18n.js');
const api = await import(CONSOLE + 'api.js');
const csv = await import(CONSOLE + 'csv.js');

test('Chinese is the language unless the browser puts English first', () => {
  assert.equal(i18n.lang(), 'zh');
  assert.equal(i18n.t('status.CLOSED'), '已结案');
  assert.equal(i18n.code('wo', 'SUPERSEDED'), '已二次派单');
  assert.equal(i18n.code('wo', 'UNKNOWN_STATE'), 'UNKNOWN_STATE', 'an unknown code shows as it is');
  assert.equal(i18n.code('wo', null), '—');
  assert.equal(i18n.t('pageInfo', 2, 5, 97), '第 2/5 页，共 97 条');
  i18n.setLang('en');
  assert.equal(i18n.t('status.CLOSED'), 'Closed');
  assert.equal(localStorage.getItem('complaints.console.lang'), 'en', 'the choice is remembered');
  i18n.setLang('zh');
});

test('wall-clock times of the business zone become instants, on ordinary and daylight-saving days', () => {
  i18n.setZone('Asia/Shanghai');
  assert.equal(i18n.zonedInstant('2026-12-01'), '2026-11-30T16:00:00.000Z');
  assert.equal(i18n.zonedInstant('2026-12-01T09:30:15'), '2026-12-01T01:30:15.000Z');
  assert.equal(i18n.zonedInstant('2026-12-01T09:30'), '2026-12-01T01:30:00.000Z');
  i18n.setZone('Australia/Sydney');
  // 4 October 2026: clocks go forward at 02:00; midnight is still +10, the next midnight +11.
  assert.equal(i18n.zonedInstant('2026-10-04'), '2026-10-03T14:00:00.000Z');
  assert.equal(i18n.zonedInstant('2026-10-05'), '2026-10-04T13:00:00.000Z');
  i18n.setZone('America/New_York');
  assert.equal(i18n.zonedInstant('2026-03-08T03:30'), '2026-03-08T07:30:00.000Z');
  i18n.setZone('Asia/Shanghai');
});

test('the next date crosses months, years and leap days', () => {
  assert.equal(i18n.nextDate('2026-12-31'), '2027-01-01');
  assert.equal(i18n.nextDate('2028-02-28'), '2028-02-29');
  assert.equal(i18n.nextDate('2026-02-28'), '2026-03-01');
});

test('countdowns, durations and rates read as people read them', () => {
  assert.equal(i18n.countdown(3723000), '01:02:03');
  assert.equal(i18n.countdown(-59000), '-00:00:59');
  assert.equal(i18n.countdown(2 * 86400000 + 5000), '2 天 00:00:05');
  assert.equal(i18n.seconds(59), '59 秒');
  assert.equal(i18n.seconds(3725), '1 小时 2 分');
  assert.equal(i18n.seconds(90061), '1 天 1 小时');
  assert.equal(i18n.seconds(null), '—');
  assert.equal(i18n.percent(0.7456), '74.6%');
  assert.equal(i18n.percent(null), '—');
  i18n.setLang('en');
  assert.equal(i18n.countdown(2 * 86400000 + 5000), '2 d 00:00:05');
  assert.equal(i18n.seconds(125), '2 min 5 s');
  i18n.setLang('zh');
});

test("the doors' field messages appear in Chinese where the console knows them, as they came otherwise", () => {
  assert.equal(i18n.message('is required'), '必填');
  assert.equal(i18n.message('must be at most 4000 characters (is 4100)'), '最多 4000 个字符（现为 4100 个）');
  assert.equal(i18n.message('is required: one of PHONE, SMS'), '必填，可选：PHONE, SMS');
  assert.equal(i18n.message('nothing more is owed after the final answer'), 'nothing more is owed after the final answer');
  i18n.setLang('en');
  assert.equal(i18n.message('is required'), 'is required');
  i18n.setLang('zh');
});

function jwt(claims) {
  const part = o => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({alg: 'RS256'})}.${part(claims)}.c2lnbmF0dXJl`;
}

test("a token's claims name the person, their role and department (UTF-8 names included)", () => {
  const person = api.personOf(api.claimsOf(jwt({sub: 'agent-17', name: '王五', groups: ['agent'],
    department: 'network-ops-tz-hl', exp: 2000000000})));
  assert.deepEqual(person, {subject: 'agent-17', name: '王五', role: 'agent', department: 'network-ops-tz-hl',
    expiresAt: new Date(2000000000 * 1000)});
  // Keycloak's realm roles, and a token with no role of the suite.
  assert.equal(api.personOf(api.claimsOf(jwt({sub: 'k', realm_access: {roles: ['offline_access', 'auditor']}}))).role,
    'auditor');
  assert.equal(api.personOf(api.claimsOf(jwt({sub: 'x', groups: ['somebody-else']}))).role, null);
  assert.equal(api.claimsOf('not a token'), null);
  assert.equal(api.claimsOf('a.b.c'), null);
});

test('signing out forgets the token and the filters of the tab, not the message for the sign-in page', () => {
  api.keepToken(' ' + jwt({sub: 'x', groups: ['operator']}) + '\n');
  sessionStorage.setItem('complaints.console.queue', '{"department":"billing"}');
  sessionStorage.setItem('complaints.console.signin-message', 'expired');
  sessionStorage.setItem('another.app', 'kept');
  assert.equal(api.person().role, 'operator', 'the token is kept trimmed');
  api.forgetToken();
  assert.equal(api.token(), null);
  assert.equal(sessionStorage.getItem('complaints.console.queue'), null);
  assert.equal(sessionStorage.getItem('complaints.console.signin-message'), 'expired');
  assert.equal(sessionStorage.getItem('another.app'), 'kept');
});

test("a door ':port' is the page's own host on that port; a URL is used as it is; empty is the page itself", async () => {
  globalThis.fetch = async url => {
    assert.equal(url, '/console/config');
    return {ok: true, json: async () => ({doors: {routing: ':8082', sla: 'https://sla.example.cn/api/', analytics: ''},
      oidc: null, zone: 'Asia/Shanghai', refreshSeconds: 15})};
  };
  await api.loadConfig();
  assert.equal(api.doorBase('routing'), 'http://ops.example.cn:8082');
  assert.equal(api.doorBase('sla'), 'https://sla.example.cn/api');
  assert.equal(api.doorBase('analytics'), '');
  assert.equal(api.consoleConfig().refreshSeconds, 15);
});

test('CSV cells: quotes, line breaks, formulas kept as text, numbers and nulls', () => {
  assert.equal(csv.csvCell('network-ops'), 'network-ops');
  assert.equal(csv.csvCell('a, b'), '"a, b"');
  assert.equal(csv.csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csv.csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csv.csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csv.csvCell(-0.5), '-0.5');
  assert.equal(csv.csvCell(null), '');
  assert.equal(csv.csvFile(['group', 'volume'], [['ALL', 12], ['TZ-HL', null]]),
    '\ufeffgroup,volume\r\nALL,12\r\nTZ-HL,\r\n');
});
