'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
  CLAIMS_NOTE, stacksIn, marker, commentBody, parsePullNumber, upsertPlanComments, MAX_BODY,
} = require('./plan-comment.js');

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
    artifacts: [{ stack: 'sandbox', text: 'plan sandbox' }, { stack: 'live', text: 'plan live' }] });
  const created = github.calls.filter((c) => c[0] === 'create');
  assert.equal(created.length, 2);
  assert.ok(created[0][2].startsWith('<!-- ciam-plan:sandbox -->\nplan sandbox'));
  assert.ok(created[1][2].startsWith('<!-- ciam-plan:live -->\nplan live'));
});

test('a re-run edits the bot\'s own comment for that stack instead of posting again', async () => {
  const comments = [
    { id: 1, user: { login: 'someone' }, body: `${marker('sandbox')}\nquoted by a human` },
    { id: 2, user: { login: BOT }, body: `${marker('sandbox')}\nold plan` },
    { id: 3, user: { login: BOT }, body: `${marker('review')}\nold review plan` },
  ];
  const github = fakeGithub(comments);
  await upsertPlanComments({ github, owner: 'o', repo: 'r', pull, headSha: 'abc', botLogin: BOT,
    artifacts: [{ stack: 'sandbox', text: 'new plan' }] });
  assert.deepEqual(github.calls.filter((c) => c[0] !== 'list'), [['update', 2, commentBody('sandbox', 'new plan')]]);
});

test('a run for an older commit of the pull request does not overwrite the newer comment', async () => {
  const github = fakeGithub([]);
  const result = await upsertPlanComments({ github, owner: 'o', repo: 'r', pull, headSha: 'old', botLogin: BOT,
    artifacts: [{ stack: 'sandbox', text: 'x' }] });
  assert.match(result.skipped, /moved on/);
  assert.deepEqual(github.calls, []);
});

test('a stack name or PR number from an artifact is refused unless it is well-formed', () => {
  assert.throws(() => marker('live --> <script>'), /unknown stack/);
  assert.throws(() => parsePullNumber('7; rm -rf /'), /not a pull request number/);
  assert.throws(() => parsePullNumber('0'), /not a pull request number/);
  assert.equal(parsePullNumber('42\n'), 42);
});

test('an oversized plan is replaced by a notice, never sliced inside a code block', () => {
  const body = commentBody('review', '```\n' + 'x'.repeat(MAX_BODY + 5000));
  assert.ok(body.length < 65536, `length ${body.length}`);
  assert.match(body, /over GitHub's limit; the whole plan is in the run's artifacts/);
  assert.ok(!body.includes('```'), 'no fence is left open');
});

test('a comment within the limit is posted whole', () => {
  const text = 'a'.repeat(59999);
  assert.equal(commentBody('sandbox', text), `${marker('sandbox')}\n${text}\n\n${CLAIMS_NOTE}`);
});

test('the stacks are the Pulumi.<stack>.yaml files of the trusted checkout, unsafe names left out', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacks-'));
  for (const name of ['Pulumi.yaml', 'Pulumi.sandbox.yaml', 'Pulumi.live.yaml', 'Pulumi.Bad_Name.yaml', 'tenant.yaml']) {
    fs.writeFileSync(path.join(dir, name), 'config: {}\n');
  }
  assert.deepEqual(stacksIn(dir), ['live', 'sandbox']);
});

test('every comment marks the artifact text as the pull request run\'s claims', () => {
  const body = commentBody('live', '| check | ✅ passed |');
  assert.ok(body.startsWith(`${marker('live')}\n`) && body.endsWith(`\n\n${CLAIMS_NOTE}`), body);
});
