// The services' REST doors as the signed-in person calls them: the bearer token of the session, JSON in and out,
// problem+json answers turned into ApiError with the fields they name.

import {lang, t} from './i18n.js';

const TOKEN_KEY = 'complaints.console.token';
export const ROLES = ['operator', 'agent', 'surveyor', 'auditor', 'admin', 'submitter'];

let config = {doors: {}, oidc: null, zone: 'Asia/Shanghai', refreshSeconds: 15};

export async function loadConfig() {
  const response = await fetch('/console/config', {headers: {Accept: 'application/json'}});
  if (!response.ok) throw new Error('console configuration: HTTP ' + response.status);
  config = await response.json();
  return config;
}

export function consoleConfig() {
  return config;
}

/** The base URL of a service's doors: a value ":8082" is this page's scheme and host on that port. */
export function doorBase(service) {
  const door = (config.doors || {})[service] ?? '';
  if (door.startsWith(':')) return `${location.protocol}//${location.hostname}${door}`;
  return door.replace(/\/$/, '');
}

// ---- the session: the token in sessionStorage only, its claims decoded for display (the doors decide access) ----

function base64UrlDecode(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The claims of a JWT, or null when it is not one. */
export function claimsOf(token) {
  const parts = (token || '').trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(base64UrlDecode(parts[1]));
    return claims && typeof claims === 'object' ? claims : null;
  } catch (e) {
    return null;
  }
}

/** The person a token names: subject, name, role (the first of the suite's roles in groups), department, expiry. */
export function personOf(claims) {
  const groups = Array.isArray(claims.groups) ? claims.groups
    : claims.realm_access && Array.isArray(claims.realm_access.roles) ? claims.realm_access.roles : [];
  const role = ROLES.find(r => groups.includes(r)) || null;
  return {
    subject: claims.sub, name: claims.name || claims.preferred_username || claims.sub, role,
    department: claims.department || null, expiresAt: claims.exp ? new Date(claims.exp * 1000) : null,
  };
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function person() {
  const claims = claimsOf(token());
  return claims ? personOf(claims) : null;
}

export function keepToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
}

/** Signs out of this tab: the token and whatever the console kept of the person's work (filters) go. */
export function forgetToken() {
  const keys = Array.from({length: sessionStorage.length}, (_, i) => sessionStorage.key(i));
  for (const key of keys) {
    if (key.startsWith('complaints.console.') && key !== 'complaints.console.signin-message') sessionStorage.removeItem(key);
  }
}

// ---- calls ----

/** An answer other than 2xx; problem is the problem+json body when there was one. */
export class ApiError extends Error {
  constructor(status, problem, service) {
    super(problem && (problem.detail || problem.title) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
    this.service = service;
    this.fieldErrors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }

  /** What to tell the person. */
  describe() {
    if (this.status === 0) return t('error.network', this.service);
    if (this.status === 401) return t('error.unauthorized');
    if (this.status === 403) return this.problem.detail || t('error.forbidden');
    if (this.status === 404) return this.problem.detail || t('error.notFound');
    if (this.status === 503) return t('error.unavailable');
    const fields = this.fieldErrors.map(e => `${e.field}: ${e.message}`).join('; ');
    return [this.problem.title, this.problem.detail, fields].filter(Boolean).join(' — ') || this.message;
  }
}

/** A fresh key for one form's submissions: a retry of the same submission repeats it, so nothing is done twice. */
export function idempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Calls a door: call('routing', '/work-orders', {query: {status: 'OPEN'}}) → {data, total}.
 * total is X-Total-Count when the door sends it. Throws ApiError.
 */
export async function call(service, path, {method = 'GET', query, body, key, bearer} = {}) {
  const url = new URL(doorBase(service) + path, location.href);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== null && value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  const headers = {Accept: 'application/json, application/problem+json', 'Accept-Language': lang()};
  const auth = bearer || token();
  if (auth) headers.Authorization = 'Bearer ' + auth;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (key) headers['Idempotency-Key'] = key;
  let response;
  try {
    response = await fetch(url, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (e) {
    throw new ApiError(0, null, url.host);
  }
  const type = response.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, json, url.host);
    if (response.status === 401 && !bearer) window.dispatchEvent(new CustomEvent('console:unauthorized'));
    throw error;
  }
  const total = response.headers.get('X-Total-Count');
  return {data: json, total: total === null ? null : Number(total)};
}
