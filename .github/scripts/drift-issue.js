// Opens or updates one issue per drifted stack (changes made by hand in the Auth0 dashboard) and
// closes it once a nightly run finds the stack clean again.
'use strict';

const LABEL = 'drift';

function title(stack) {
  return `Drift on stack ${stack}`;
}

function issueBody({ stack, runUrl, output }) {
  const text = String(output || '(no output)');
  const tail = text.length > 50000 ? '…\n' + text.slice(-50000) : text;
  return [
    `\`pulumi preview --refresh --expect-no-changes\` failed on stack **${stack}**: the live tenant differs`,
    'from the last deployment (a change made in the dashboard), or the preview could not run.',
    '',
    `Run: ${runUrl}`,
    '',
    'Either make the change in `tenant.yaml` (so it is reviewed and deployed everywhere) or run',
    `\`pulumi up -s ${stack}\` to put the tenant back.`,
    '',
    '<details><summary>preview output</summary>',
    '',
    '```',
    tail.replace(/```/g, "'''"),
    '```',
    '</details>',
  ].join('\n');
}

// `results`: [{stack, drifted, output}]
async function reportDrift({ github, owner, repo, runUrl, results }) {
  const open = await github.paginate(github.rest.issues.listForRepo, {
    owner, repo, state: 'open', labels: LABEL, per_page: 100,
  });
  const actions = [];
  for (const { stack, drifted, output } of results) {
    const existing = open.find((issue) => issue.title === title(stack) && !issue.pull_request);
    if (drifted) {
      const body = issueBody({ stack, runUrl, output });
      if (existing) {
        await github.rest.issues.update({ owner, repo, issue_number: existing.number, body });
        await github.rest.issues.createComment({
          owner, repo, issue_number: existing.number, body: `Still drifting: ${runUrl}`,
        });
        actions.push(`updated #${existing.number} (${stack})`);
      } else {
        const created = await github.rest.issues.create({ owner, repo, title: title(stack), body, labels: [LABEL] });
        actions.push(`opened #${created.data.number} (${stack})`);
      }
    } else if (existing) {
      await github.rest.issues.createComment({
        owner, repo, issue_number: existing.number, body: `No drift any more: ${runUrl}`,
      });
      await github.rest.issues.update({ owner, repo, issue_number: existing.number, state: 'closed' });
      actions.push(`closed #${existing.number} (${stack})`);
    }
  }
  return actions;
}

module.exports = { LABEL, title, issueBody, reportDrift };
