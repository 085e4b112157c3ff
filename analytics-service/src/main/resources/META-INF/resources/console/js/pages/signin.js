// Sign-in: the OIDC provider's login (authorization code with PKCE) where one is configured, otherwise a pasted
// token of deploy/run.sh token. Either way the token goes to sessionStorage only.

import {ApiError, call, claimsOf, consoleConfig, keepToken, personOf} from '../api.js';
import {field, fill, h} from '../dom.js';
import {t} from '../i18n.js';
import {homeOf} from '../app.js';

const MESSAGE_KEY = 'complaints.console.signin-message';
const PKCE_KEY = 'complaints.console.pkce';
const ID_TOKEN_KEY = 'complaints.console.id-token';

export async function render(page) {
  const message = sessionStorage.getItem(MESSAGE_KEY);
  sessionStorage.removeItem(MESSAGE_KEY);
  const error = h('p', {id: 'sign-in-error', class: 'error', role: 'alert', hidden: !message}, message || '');
  const tokenInput = h('textarea', {id: 'token', name: 'token', rows: 6, autocomplete: 'off', spellcheck: 'false',
    required: true, 'aria-describedby': 'token-hint sign-in-error'});
  const form = h('form', {id: 'sign-in-form', class: 'card narrow', onsubmit: async e => {
    e.preventDefault();
    error.hidden = true;
    const problem = await accept(tokenInput.value);
    if (problem) {
      error.textContent = problem;
      error.hidden = false;
      tokenInput.focus();
    }
  }},
  field(t('signin.token'), tokenInput, 'token', t('signin.tokenHint')),
  h('button', {id: 'sign-in', type: 'submit'}, t('signin.submit')));
  const oidc = consoleConfig().oidc;
  fill(page,
    h('h1', {}, t('signin.title')),
    error,
    oidc ? h('p', {}, h('button', {id: 'sign-in-sso', type: 'button', onclick: () => startSingleSignOn(oidc)},
      t('signin.sso'))) : null,
    form);
  tokenInput.focus();
}

/** Checks a token and keeps it; returns what is wrong with it, or null when signed in. */
async function accept(value) {
  const claims = claimsOf(value);
  if (!claims) return t('signin.bad');
  const who = personOf(claims);
  if (who.expiresAt && who.expiresAt.getTime() < Date.now()) return t('signin.expired');
  if (!who.role) return t('signin.noRole');
  try {
    // Any valid token may read the departments: the services themselves judge the token.
    await call('routing', '/departments', {bearer: value.trim()});
  } catch (e) {
    return t('signin.rejected', e instanceof ApiError ? e.describe() : String(e));
  }
  keepToken(value);
  location.hash = '#/' + homeOf(who.role);
  return null;
}

// ---- OIDC authorization code flow with PKCE (RFC 7636), for a public client ----

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return location.origin + location.pathname;
}

async function startSingleSignOn(oidc) {
  const verifier = randomText(48);
  const state = randomText(16);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({verifier, state}));
  const url = new URL(oidc.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(), scope: oidc.scope || 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** On the way back from the provider (?code=&state=): exchanges the code for a token. True when signed in. */
export async function finishSingleSignOn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', location.pathname + '#/signin');
  const oidc = consoleConfig().oidc;
  const fail = reason => {
    sessionStorage.setItem(MESSAGE_KEY, t('signin.ssoFailed', reason));
    return false;
  };
  if (params.has('error')) return fail(params.get('error_description') || params.get('error'));
  if (!oidc || !pending || pending.state !== params.get('state')) return fail('state');
  try {
    const response = await fetch(oidc.tokenEndpoint, {
      method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
        client_id: oidc.clientId, code_verifier: pending.verifier,
      }),
    });
    const answer = await response.json();
    if (!response.ok || !answer.access_token) return fail(answer.error_description || answer.error || response.status);
    const problem = await accept(answer.access_token);
    if (problem) return fail(problem);
    // Kept for the provider's sign-out, in the same session storage (and gone with the access token).
    if (answer.id_token) sessionStorage.setItem(ID_TOKEN_KEY, answer.id_token);
    return true;
  } catch (e) {
    return fail(String(e.message || e));
  }
}

/**
 * Where signing out leads: the provider's end-session endpoint when the person signed in there (else the provider's
 * login session would sign the next person at this browser in as them), back to the console; null otherwise.
 */
export function providerSignOut() {
  const oidc = consoleConfig().oidc;
  const idToken = sessionStorage.getItem(ID_TOKEN_KEY);
  if (!oidc || !oidc.logoutEndpoint || !idToken) return null;
  const url = new URL(oidc.logoutEndpoint);
  url.search = new URLSearchParams({id_token_hint: idToken, post_logout_redirect_uri: redirectUri(),
    client_id: oidc.clientId}).toString();
  return url.toString();
}
