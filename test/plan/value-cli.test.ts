/**
 * Issue 12 items 4 and 5 as an agent meets them, whole CLI on the shipped
 * catalogue: the flagship is sold over small stops, must stops are kept when
 * a plan keeping them exists, and left-out stops say the true reason.
 */
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../cli/helpers/run-cli.js';
import { SHIPPED } from './shipped.js';

interface Doc {
  days: { date: string; start: string; lodging: string; items: { kind: string; attraction?: string }[] }[];
  unscheduled: { attraction: string; reason: string; detail: string }[];
}
async function planJson(args: readonly string[]): Promise<Doc> {
  const run = await runCli(['--catalogue', SHIPPED, 'plan', ...args, '--json', '-q'], { monotonicMs: () => 0 });
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  return JSON.parse(run.stdout) as Doc;
}
const visited = (doc: Doc) => doc.days.flatMap((d) => d.items.flatMap((i) => (i.kind === 'visit' ? [i.attraction!] : [])));

describe('what the planner sells', () => {
  it('a 1-day eco trip from Jiujiang goes up Lushan, not to Wuhan for East Lake', async () => {
    const doc = await planJson(['--from', 'jiujiang', '--start', '2027-05-11', '--days', '1', '--themes', 'eco', '--party', 'adult=2']);
    expect(visited(doc)).toContain('lushan-national-park');
    expect(doc.days[0]!.lodging).toBe('jiujiang');
  });

  it('keeps both Nanchang musts on the Tuesday when both are shut on the Monday, rather than going on to another city', async () => {
    const doc = await planJson(['--from', 'nanchang', '--start', '2027-06-07', '--days', '2', '--must', 'bayi-uprising-memorial,haihunhou-site-park']);
    expect(visited(doc)).toEqual(expect.arrayContaining(['bayi-uprising-memorial', 'haihunhou-site-park']));
    expect(doc.unscheduled.filter((u) => ['bayi-uprising-memorial', 'haihunhou-site-park'].includes(u.attraction))).toEqual([]);
  });

  it('says Jinggangshan is too far from Nanchang, not closed', async () => {
    const doc = await planJson(['--from', 'nanchang', '--stay', 'nanchang', '--start', '2027-05-11', '--days', '2', '--themes', 'red']);
    expect(doc.unscheduled).toContainEqual({ attraction: 'jinggangshan', reason: 'unreachable', detail: expect.stringContaining('km from central Nanchang') });
  });
});
