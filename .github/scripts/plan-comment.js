// Posts one comment per stack on a pull request and edits it on re-runs. Runs in the trusted
// workflow_run job: the comment text comes from an artifact of the (possibly forked) PR run, so
// the stack name, the PR number and the head commit are checked here, never taken on trust. The stacks are
// the `Pulumi.<stack>.yaml` files of the trusted checkout (the default branch), never the artifact's list.
'use strict';

const fs = require('fs');

const STACK_NAME = /^[a-z0-9][a-z0-9-]*$/;
const STACK_FILE = /^Pulumi\.([a-z0-9][a-z0-9-]*)\.yaml$/;
const MAX_BODY = 65000; // GitHub rejects comments over 65536 characters; cli/pr_comment.py stays under 60000

function stacksIn(dir) {
  return fs.readdirSync(dir).map((name) => STACK_FILE.exec(name)).filter(Boolean).map((m) => m[1]).sort();
}

// The text, verdicts included, was computed by the pull request's own code: it is posted as that run's
// claims, and the required status checks are what decide.
const CLAIMS_NOTE = '> Reported by the pull request\'s own run (the code under review): these are its claims, '
  + 'not verdicts. The required checks of this commit decide.';

function marker(stack) {
  if (typeof stack !== 'string' || !STACK_NAME.test(stack)) throw new Error(`unknown stack ${JSON.stringify(stack)}`);
  return `<!-- ciam-plan:${stack} -->`;
}

// The composer already cuts between blocks; slicing here could leave a code fence or a <details> open and
// turn the rest of the comment into literal code, so an oversized text is replaced by a short notice instead.
function commentBody(stack, text) {
  let body = String(text);
  if (body.length > MAX_BODY) {
    body = `### Stack \`${stack}\`\n\nThe plan comment (${body.length} characters) is over GitHub's limit; ` +
      'the whole plan is in the run\'s artifacts.\n';
  }
  return `${marker(stack)}\n${body}\n\n${CLAIMS_NOTE}`;
}

function findOwnComment(comments, stack, botLogin) {
  const tag = marker(stack);
  return comments.find((c) => c.user && c.user.login === botLogin && c.body && c.body.startsWith(tag));
}

function parsePullNumber(raw) {
  const text = String(raw).trim();
  if (!/^[1-9][0-9]{0,9}$/.test(text)) throw new Error(`not a pull request number: ${JSON.stringify(text)}`);
  return Number(text);
}

// `artifacts`: [{stack, text}], `pull`: the PR as the API returns it, `headSha`: the commit the run tested.
async function upsertPlanComments({ github, owner, repo, pull, headSha, artifacts, botLogin }) {
  if (pull.head.sha !== headSha) {
    return { skipped: `the pull request moved on from ${headSha}; a newer run will comment` };
  }
  const comments = await github.paginate(github.rest.issues.listComments, {
    owner, repo, issue_number: pull.number, per_page: 100,
  });
  const done = [];
  for (const { stack, text } of artifacts) {
    const body = commentBody(stack, text);
    const existing = findOwnComment(comments, stack, botLogin);
    if (existing) {
      await github.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      done.push(`updated ${stack}`);
    } else {
      await github.rest.issues.createComment({ owner, repo, issue_number: pull.number, body });
      done.push(`created ${stack}`);
    }
  }
  return { done };
}

module.exports = {
  CLAIMS_NOTE, stacksIn, MAX_BODY, marker, commentBody, findOwnComment, parsePullNumber, upsertPlanComments };
