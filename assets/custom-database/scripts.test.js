// node --test: the custom-database scripts run as Auth0 runs them, from their text in a sandbox that
// provides `configuration`, `fetch` and `WrongUsernameOrPasswordError`; the legacy API is a stub.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const CONFIGURATION = { LEGACY_API_URL: 'https://legacy.test/api/', LEGACY_API_KEY: 'test-key' };
const ALICE = {
  id: 42, email: 'alice@example.com', password: 'correct horse', email_verified: true,
  given_name: 'Alice', family_name: 'Liddell', name: 'Alice Liddell',
};

class WrongUsernameOrPasswordError extends Error {
  constructor(user, message) {
    super(message);
    this.name = 'WrongUsernameOrPasswordError';
    this.user = user;
  }
}

// The legacy API as the scripts' contract describes it; `down` makes every call fail like a dead host.
function legacyApi({ down = false, broken = false } = {}) {
  const calls = [];
  const reply = (status, body) => ({ status, json: async () => body });
  async function fetch(url, init) {
    calls.push({ url, init });
    if (down) throw new TypeError('fetch failed: ECONNREFUSED');
    if (broken) return reply(503, { error: 'maintenance' });
    assert.equal(init.headers.Authorization, 'Bearer test-key');
    const { pathname, searchParams } = new URL(url);
    if (pathname === '/api/authenticate' && init.method === 'POST') {
      const { email, password } = JSON.parse(init.body);
      if (email !== ALICE.email) return reply(404, { error: 'not found' });
      if (password !== ALICE.password) return reply(401, { error: 'bad password' });
      const { password: _, ...user } = ALICE;
      return reply(200, user);
    }
    if (pathname === '/api/users' && init.method === 'GET') {
      if (searchParams.get('email') !== ALICE.email) return reply(404, { error: 'not found' });
      const { password: _, ...user } = ALICE;
      return reply(200, user);
    }
    return reply(500, { error: 'unexpected call' });
  }
  return { fetch, calls };
}

// Load a script's text and return its function, as Auth0 does, with only what Auth0 provides.
function loadScript(file, functionName, api) {
  const context = vm.createContext({
    configuration: CONFIGURATION, fetch: api.fetch, WrongUsernameOrPasswordError, AbortSignal, URL,
  });
  vm.runInContext(fs.readFileSync(path.join(__dirname, file), 'utf8'), context, { filename: file });
  return (...args) => new Promise((resolve) => context[functionName](...args, (error, user) => resolve({ error, user })));
}

const PROFILE = {
  user_id: '42', email: 'alice@example.com', email_verified: true,
  given_name: 'Alice', family_name: 'Liddell', name: 'Alice Liddell',
};

test('login: the right password returns the legacy profile for import', async () => {
  const api = legacyApi();
  const { error, user } = await loadScript('login.js', 'login', api)('alice@example.com', 'correct horse');
  assert.equal(error, null);
  assert.deepEqual({ ...user }, PROFILE);
  assert.equal(api.calls[0].url, 'https://legacy.test/api/authenticate');
});

test('login: a wrong password is WrongUsernameOrPasswordError', async () => {
  const { error, user } = await loadScript('login.js', 'login', legacyApi())('alice@example.com', 'guess');
  assert.equal(error.name, 'WrongUsernameOrPasswordError');
  assert.equal(user, undefined);
});

test('login: an unknown user gets the same error as a wrong password', async () => {
  const { error } = await loadScript('login.js', 'login', legacyApi())('nobody@example.com', 'whatever');
  assert.equal(error.name, 'WrongUsernameOrPasswordError');
});

test('login: the legacy API being down is an error, not a wrong password', async () => {
  const { error, user } = await loadScript('login.js', 'login', legacyApi({ down: true }))('alice@example.com', 'x');
  assert.equal(error.name, 'Error'); // a plain Error: Auth0 shows a retry, and the user is not told the password is wrong
  assert.match(error.message, /unreachable/);
  assert.equal(user, undefined);
});

test('login: a legacy API error status is an error, not a wrong password', async () => {
  const { error } = await loadScript('login.js', 'login', legacyApi({ broken: true }))('alice@example.com', 'x');
  assert.equal(error.name, 'Error');
  assert.match(error.message, /answered 503/);
});

test('get_user: a known email returns the profile', async () => {
  const api = legacyApi();
  const { error, user } = await loadScript('get_user.js', 'getByEmail', api)('alice@example.com');
  assert.equal(error, null);
  assert.deepEqual({ ...user }, PROFILE);
  assert.equal(api.calls[0].url, 'https://legacy.test/api/users?email=alice%40example.com');
});

test('get_user: an unknown email is no user and no error', async () => {
  const { error, user } = await loadScript('get_user.js', 'getByEmail', legacyApi())('nobody@example.com');
  assert.equal(error, null);
  assert.equal(user, undefined);
});

test('get_user: the legacy API being down is an error', async () => {
  const { error } = await loadScript('get_user.js', 'getByEmail', legacyApi({ down: true }))('alice@example.com');
  assert.match(error.message, /unreachable/);
});
