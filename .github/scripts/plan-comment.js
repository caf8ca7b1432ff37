// Posts one comment per stack on a pull request and edits it on re-runs. Runs in the trusted
// workflow_run job: the comment text comes from an artifact of the (possibly forked) PR run, so
// the stack name, the PR number and the head commit are checked here, never taken on trust.
'use strict';

const STACKS = ['dev', 'qa', 'prod'];
const MAX_BODY = 60000; // GitHub rejects comments over 65536 characters
// The text, verdicts included, was computed by the pull request's own code: it is posted as that run's
// claims, and the required status checks are what decide.
const CLAIMS_NOTE = '> Reported by the pull request\'s own run (the code under review): these are its claims, '
  + 'not verdicts. The required checks of this commit decide.';

function marker(stack) {
  if (!STACKS.includes(stack)) throw new Error(`unknown stack ${JSON.stringify(stack)}`);
  return `<!-- ciam-plan:${stack} -->`;
}

function commentBody(stack, text) {
  let body = String(text);
  if (body.length > MAX_BODY) {
    body = body.slice(0, MAX_BODY) + '\n\n… truncated; the whole plan is in the run\'s artifacts.';
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
  CLAIMS_NOTE, STACKS, MAX_BODY, marker, commentBody, findOwnComment, parsePullNumber, upsertPlanComments };
