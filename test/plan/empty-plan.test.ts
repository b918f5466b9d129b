/**
 * Issue 12 item 5: a plan with no visits is an answer with a warning and a
 * non-zero exit (1, "the answer is no"), not a silent success.
 */
import { expect, it } from '@jest/globals';
import { runCli } from '../cli/helpers/run-cli.js';
import { SHIPPED } from './shipped.js';

it('writes the empty plan with an empty-plan warning, says so on stderr and exits 1', async () => {
  // An evening window in Jingzhou: every stop has closed by 18:00.
  const run = await runCli(
    ['--catalogue', SHIPPED, 'plan', '--from', 'jingzhou', '--start', '2026-05-12', '--days', '1', '--themes', 'water', '--day-start', '18:00', '--day-end', '21:00', '--json'],
    { monotonicMs: () => 0 },
  );
  expect(run.exitCode).toBe(1);
  const doc = JSON.parse(run.stdout) as { totals: { visits: number }; warnings: { code: string }[] };
  expect(doc.totals.visits).toBe(0);
  expect(doc.warnings).toContainEqual(expect.objectContaining({ code: 'empty-plan' }));
  expect(run.stderr).toMatch(/^warning: no stop fits this request/m);
});
