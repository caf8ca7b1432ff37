'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { marker, commentBody, parsePullNumber, upsertPlanComments, MAX_BODY } = require('./plan-comment.js');

function fakeGithub(comments) {
  const calls = [];
  return {
    calls,
    paginate: async (_fn, params) => { calls.push(['list', params.issue_number]); return comments; },
    rest: {
      issues: {
        listComments: () => {},
        updateComment: async (p) => { calls.push(['update', p.comment_id, p.body]); },
        createComment: async (p) => { calls.push(['create', p.issue_number, p.body]); },
      },
    },
  };
}

const BOT = 'github-actions[bot]';
const pull = { number: 7, head: { sha: 'abc' } };

test('a first run creates one comment per stack, each starting with its marker', async () => {
  const github = fakeGithub([]);
  await upsertPlanComments({ github, owner: 'o', repo: 'r', pull, headSha: 'abc', botLogin: BOT,
    artifacts: [{ stack: 'dev', text: 'plan dev' }, { stack: 'prod', text: 'plan prod' }] });
  const created = github.calls.filter((c) => c[0] === 'create');
  assert.equal(created.length, 2);
  assert.ok(created[0][2].startsWith('<!-- ciam-plan:dev -->\nplan dev'));
  assert.ok(created[1][2].startsWith('<!-- ciam-plan:prod -->\nplan prod'));
});

test('a re-run edits the bot\'s own comment for that stack instead of posting again', async () => {
  const comments = [
    { id: 1, user: { login: 'someone' }, body: `${marker('dev')}\nquoted by a human` },
    { id: 2, user: { login: BOT }, body: `${marker('dev')}\nold plan` },
    { id: 3, user: { login: BOT }, body: `${marker('qa')}\nold qa plan` },
  ];
  const github = fakeGithub(comments);
  await upsertPlanComments({ github, owner: 'o', repo: 'r', pull, headSha: 'abc', botLogin: BOT,
    artifacts: [{ stack: 'dev', text: 'new plan' }] });
  assert.deepEqual(github.calls.filter((c) => c[0] !== 'list'), [['update', 2, commentBody('dev', 'new plan')]]);
});

test('a run for an older commit of the pull request does not overwrite the newer comment', async () => {
  const github = fakeGithub([]);
  const result = await upsertPlanComments({ github, owner: 'o', repo: 'r', pull, headSha: 'old', botLogin: BOT,
    artifacts: [{ stack: 'dev', text: 'x' }] });
  assert.match(result.skipped, /moved on/);
  assert.deepEqual(github.calls, []);
});

test('a stack name or PR number from an artifact is refused unless it is well-formed', () => {
  assert.throws(() => marker('prod --> <script>'), /unknown stack/);
  assert.throws(() => parsePullNumber('7; rm -rf /'), /not a pull request number/);
  assert.throws(() => parsePullNumber('0'), /not a pull request number/);
  assert.equal(parsePullNumber('42\n'), 42);
});

test('an oversized plan is truncated under GitHub\'s comment limit', () => {
  const body = commentBody('qa', 'x'.repeat(MAX_BODY + 5000));
  assert.ok(body.length < 65536, `length ${body.length}`);
  assert.match(body, /truncated/);
});

test('every comment marks the artifact text as the pull request run\'s claims', () => {
  const { CLAIMS_NOTE } = require('./plan-comment.js');
  const body = commentBody('prod', '| check | ✅ passed |');
  assert.ok(body.startsWith(`${marker('prod')}\n`) && body.endsWith(`\n\n${CLAIMS_NOTE}`), body);
});
