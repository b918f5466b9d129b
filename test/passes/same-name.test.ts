/**
 * Two travellers of one booking with the same name (a father and his son,
 * both "Li Na" on paper) used to get one pass: the second was dropped with exit 0,
 * and the warning named a pass id that was never stored. Now each gets a pass (the
 * ledger tells them apart by their traveller number), the same command run again
 * issues nothing new, and a warning about passes issued before names the passes in the ledger.
 */
import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../cli/helpers/run-cli.js';
import { anItinerary } from './builders.js';
import { aHome, LEDGER_CATALOGUE, passesOf, writeBookings } from './ledger-helpers.js';

function aPlan(home: string): string {
  const plan = path.join(home, 'plan.json');
  writeFileSync(plan, JSON.stringify(anItinerary([{ attraction: 'yellow-crane-tower', date: '2026-05-12' }, { attraction: 'east-lake', date: '2026-05-12' }])));
  return plan;
}

describe('two travellers with the same name in one booking', () => {
  it('pass issue --plan --holder "Li Wei" --holder "Li Wei" issues a pass to each, and the same command again issues nothing new', async () => {
    const home = aHome();
    const args = ['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--plan', aPlan(home), '--booking', 'BK1', '--holder', 'Li Wei', '--holder', 'Li Wei'];
    expect((await runCli(args)).exitCode).toBe(0);
    const first = passesOf(home);
    expect(first.map((p) => [p.holder, p.traveller])).toEqual([['Li Wei', 1], ['Li Wei', 2]]);
    const again = await runCli(args);
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toContain(`already issued and were not issued again: ${first.map((p) => p.id).join(', ')}`);
    expect(passesOf(home)).toHaveLength(2);
  });

  it('a bookings file with two rows of one booking and name (other ID numbers and categories) issues two passes; a rerun none', async () => {
    const home = aHome();
    const file = writeBookings(home, ['BK1,Li Na,11010519491231002X,adult,wuhan-culture-pass,2026-05-12', 'BK1,Li Na,110105201001010010,child,wuhan-culture-pass,2026-05-12']);
    const args = ['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--bookings', file];
    const run = await runCli(args);
    expect(run.exitCode).toBe(0);
    expect(passesOf(home).map((p) => [p.holder, p.traveller, p.category])).toEqual([['Li Na', 1, 'adult'], ['Li Na', 2, 'child']]);
    const again = await runCli(args);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('already-issued\t2');
    expect(passesOf(home)).toHaveLength(2);
  });

  it('a repeated issue warns with the ids of the passes in the ledger, not of passes never stored', async () => {
    const home = aHome();
    const args = ['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--plan', aPlan(home), '--booking', 'BK1', '--holder', 'Li Wei'];
    expect((await runCli(args)).exitCode).toBe(0);
    const [stored] = passesOf(home);
    const again = await runCli(args);
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toContain(`already issued and were not issued again: ${stored!.id}`);
    expect(passesOf(home)).toHaveLength(1);
  });
});
