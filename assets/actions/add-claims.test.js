const test = require('node:test');
const assert = require('node:assert/strict');
const { onExecutePostLogin, claimsFor } = require('./add-claims');

const CONFIG = {
  claims: {
    namespace: 'https://acme.example/',
    roles: true,
    app_metadata: ['plan', 'customer_id'],
    user_metadata: ['locale'],
    tokens: ['id_token', 'access_token'],
  },
};

function recordingApi() {
  const set = { idToken: {}, accessToken: {} };
  const api = {
    idToken: { setCustomClaim: (name, value) => { set.idToken[name] = value; } },
    accessToken: { setCustomClaim: (name, value) => { set.accessToken[name] = value; } },
  };
  return { api, set };
}

const fullEvent = {
  user: {
    app_metadata: { plan: 'gold', customer_id: 'c-42', internal_flag: true },
    user_metadata: { locale: 'de', favourite_colour: 'blue' },
  },
  authorization: { roles: ['admin', 'support'] },
};

test('roles and the chosen metadata fields become namespaced claims on both tokens', async () => {
  const { api, set } = recordingApi();
  await onExecutePostLogin(fullEvent, api, CONFIG);
  const expected = {
    'https://acme.example/roles': ['admin', 'support'],
    'https://acme.example/plan': 'gold',
    'https://acme.example/customer_id': 'c-42',
    'https://acme.example/locale': 'de',
  };
  assert.deepEqual(set.idToken, expected);
  assert.deepEqual(set.accessToken, expected);
});

test('fields that are not chosen never reach a token', async () => {
  const { api, set } = recordingApi();
  await onExecutePostLogin(fullEvent, api, CONFIG);
  const names = Object.keys(set.idToken).join(' ');
  assert.doesNotMatch(names, /internal_flag|favourite_colour/);
});

test('a namespace without a trailing slash gets exactly one', () => {
  const claims = claimsFor(fullEvent, { ...CONFIG.claims, namespace: 'https://acme.example/claims' });
  assert.ok('https://acme.example/claims/plan' in claims, Object.keys(claims).join(', '));
});

test('every claim name carries the namespace', () => {
  for (const name of Object.keys(claimsFor(fullEvent, CONFIG.claims))) {
    assert.ok(name.startsWith('https://acme.example/'), name);
  }
});

test('only the configured tokens get the claims', async () => {
  const { api, set } = recordingApi();
  await onExecutePostLogin(fullEvent, api, { claims: { ...CONFIG.claims, tokens: ['id_token'] } });
  assert.equal(Object.keys(set.idToken).length, 4);
  assert.deepEqual(set.accessToken, {});
});

test('a user without metadata or roles logs in with an empty roles claim and nothing else', async () => {
  const { api, set } = recordingApi();
  await onExecutePostLogin({ user: {} }, api, CONFIG);
  assert.deepEqual(set.idToken, { 'https://acme.example/roles': [] });
});

test('missing event parts do not throw', async () => {
  for (const event of [{}, { user: null }, { user: { app_metadata: null } }, { authorization: null }]) {
    const { api } = recordingApi();
    await onExecutePostLogin(event, api, CONFIG);
  }
});

test('null metadata values are left out rather than set as null', () => {
  const claims = claimsFor({ user: { app_metadata: { plan: null, customer_id: 0 } } }, CONFIG.claims);
  assert.deepEqual(claims, { 'https://acme.example/roles': [], 'https://acme.example/customer_id': 0 });
});

test('without a claims config (the placeholder left empty) the Action adds nothing', async () => {
  const { api, set } = recordingApi();
  await onExecutePostLogin(fullEvent, api);
  assert.deepEqual(set, { idToken: {}, accessToken: {} });
});
