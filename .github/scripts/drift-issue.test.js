'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { reportDrift, issueBody, title, LABEL } = require('./drift-issue.js');

function fakeGithub(openIssues) {
  const calls = [];
  return {
    calls,
    paginate: async (_fn, params) => { calls.push(['list', params.labels, params.state]); return openIssues; },
    rest: {
      issues: {
        listForRepo: () => {},
        create: async (p) => { calls.push(['create', p.title, p.labels]); return { data: { number: 99 } }; },
        update: async (p) => { calls.push(['update', p.issue_number, p.state || 'body']); },
        createComment: async (p) => { calls.push(['comment', p.issue_number, p.body]); },
      },
    },
  };
}

const runUrl = 'https://github.example/run/1';

test('drift on a stack without an open issue opens one, labelled drift', async () => {
  const github = fakeGithub([]);
  const actions = await reportDrift({ github, owner: 'o', repo: 'r', runUrl,
    results: [{ stack: 'live', drifted: true, output: '~ auth0:index/client:Client app update' }] });
  assert.deepEqual(actions, ['opened #99 (live)']);
  assert.deepEqual(github.calls[1], ['create', 'Drift on stack live', [LABEL]]);
});

test('drift again updates the open issue instead of opening another', async () => {
  const github = fakeGithub([{ number: 5, title: title('preprod') }]);
  const actions = await reportDrift({ github, owner: 'o', repo: 'r', runUrl,
    results: [{ stack: 'preprod', drifted: true, output: 'x' }] });
  assert.deepEqual(actions, ['updated #5 (preprod)']);
  assert.equal(github.calls.filter((c) => c[0] === 'create').length, 0);
});

test('a clean stack closes its open drift issue, and leaves other stacks alone', async () => {
  const github = fakeGithub([{ number: 5, title: title('sandbox') }, { number: 6, title: title('live') }]);
  const actions = await reportDrift({ github, owner: 'o', repo: 'r', runUrl,
    results: [{ stack: 'sandbox', drifted: false }, { stack: 'preprod', drifted: false }] });
  assert.deepEqual(actions, ['closed #5 (sandbox)']);
  assert.ok(github.calls.some((c) => c[0] === 'update' && c[1] === 5 && c[2] === 'closed'));
  assert.ok(!github.calls.some((c) => c[1] === 6));
});

test('the issue body carries the preview output without breaking out of its code block', () => {
  const body = issueBody({ stack: 'live', runUrl, output: 'a\n```\nb' });
  assert.match(body, /Run: https:\/\/github.example\/run\/1/);
  assert.equal(body.match(/```/g).length, 2);
});
