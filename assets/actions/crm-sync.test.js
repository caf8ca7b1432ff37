const test = require('node:test');
const assert = require('node:assert/strict');
const { onExecutePostUserRegistration } = require('./crm-sync');

const CONFIG = { endpoint: 'https://crm.acme.example/hooks/auth0', timeout_ms: 1000 };
const event = {
  user: { user_id: 'auth0|1', email: 'ada@acme.example', created_at: '2025-01-01T00:00:00Z', app_metadata: {} },
  secrets: { CRM_API_KEY: 'key-123' },
};

function recordingFetch(answer = { ok: true, status: 200 }) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { calls, fetchImpl };
}

test('posts the new user to the configured endpoint with the secret as bearer token', async () => {
  const { calls, fetchImpl } = recordingFetch();
  await onExecutePostUserRegistration(event, {}, CONFIG, fetchImpl);
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, CONFIG.endpoint);
  assert.equal(calls[0].init.headers.authorization, 'Bearer key-123');
  assert.deepEqual(JSON.parse(calls[0].init.body), {
    user_id: 'auth0|1', email: 'ada@acme.example', created_at: '2025-01-01T00:00:00Z',
  });
});

test('sends nothing when the endpoint or the secret is missing', async () => {
  for (const [ev, config] of [[event, {}], [{ user: event.user }, CONFIG], [{ user: event.user, secrets: {} }, CONFIG]]) {
    const { calls, fetchImpl } = recordingFetch();
    await onExecutePostUserRegistration(ev, {}, config, fetchImpl);
    assert.equal(calls.length, 0);
  }
});

test('a failing or unreachable CRM does not throw (the user is already registered)', async () => {
  for (const answer of [{ ok: false, status: 503 }, new Error('ECONNREFUSED')]) {
    const { fetchImpl } = recordingFetch(answer);
    await onExecutePostUserRegistration(event, {}, CONFIG, fetchImpl);
  }
});
