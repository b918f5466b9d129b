/**
 * Two travellers of one booking with the same name (a father and his son,
 * both "Li Na" on paper) used to get one pass: the second was dropped with exit 0,
 * and the warning named a pass id that was never stored. Now nothing is dropped
 * silently, and a warning about passes issued before names the passes in the ledger.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
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
  it('pass issue --plan refuses them (exit 2), issuing nothing, instead of dropping one', async () => {
    const home = aHome();
    const run = await runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--plan', aPlan(home), '--booking', 'BK1',
      '--holder', 'Li Na', '--id-number', '11010519491231002X', '--holder', 'Li Na', '--id-number', '110105201001010010', '--category', 'adult', '--category', 'child']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('"Li Na" twice in booking BK1');
    expect(existsSync(path.join(home, 'ledger.sqlite'))).toBe(false);
  });

  it('a bookings file reports the second row (exit 3) naming the first, instead of dropping it with exit 0', async () => {
    const home = aHome();
    const file = writeBookings(home, ['BK1,Li Na,,adult,wuhan-culture-pass,2026-05-12', 'BK1,Li Na,,child,wuhan-culture-pass,2026-05-12']);
    const run = await runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--bookings', file]);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('bookings.csv:3:1');
    expect(run.stderr).toContain('line 2');
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
