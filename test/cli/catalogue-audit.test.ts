/**
 * `yangtze catalogue audit`: the facts of a catalogue by status and age, in
 * the terminal, in a pipe and as JSON, filtered by status, age, item and city;
 * exit 0 whatever it finds, 2 for a bad flag.
 */
import { describe, expect, it } from '@jest/globals';
import { fixturePath } from '../catalogue/fixture-path.js';
import { runCli } from './helpers/run-cli.js';

const CATALOGUE = fixturePath('valid-provenance.yaml');
const NOW = '2026-12-10T09:00:00+08:00';
const audit = (...args: string[]) => runCli(['--catalogue', CATALOGUE, 'catalogue', 'audit', ...args], { now: NOW });

describe('catalogue audit', () => {
  it('lists every fact as JSON with its status, checked date, age in days and sources', async () => {
    const run = await audit('--json');
    expect(run.exitCode).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'yangtze.catalogue-audit', asOf: '2026-12-10', byStatus: { confirmed: 3, estimate: 1, assumed: 1 } });
    expect(doc.facts.find((f: { field: string; id: string }) => f.id === 'yellow-crane-tower' && f.field === 'price.adult')).toEqual({
      kind: 'attraction', id: 'yellow-crane-tower', city: 'wuhan', field: 'price.adult', status: 'confirmed', checked: '2026-12-06', ageDays: 4,
      derived: false, note: null,
      sources: [{ id: 'yct-notice', title: 'Yellow Crane Tower ticket notice', url: 'https://example.org/yct', published: '2025-03-01' }],
    });
    // the child price of the free museum comes from the discount rule, and says so
    expect(doc.facts.find((f: { id: string }) => f.id === 'hunan-museum')).toMatchObject({ field: 'price.child', status: 'assumed', derived: true });
    expect(doc.withoutProvenance).toEqual(['city wuhan', 'city changsha', 'link wuhan-changsha']);
  });

  it('keeps only the estimates with --status estimate', async () => {
    const doc = JSON.parse((await audit('--status', 'estimate', '--json')).stdout);
    expect(doc.facts.map((f: { id: string; field: string }) => `${f.id} ${f.field}`)).toEqual(['yellow-crane-tower hours']);
  });

  it('keeps facts checked before a date or a duration ago, and those never checked, with --older-than', async () => {
    const byDate = JSON.parse((await audit('--older-than', '2026-12-07', '--json')).stdout);
    expect(byDate.facts.map((f: { field: string }) => f.field).sort()).toEqual(['closed_nth', 'hours', 'price.adult', 'price.child', 'price.child']);
    const byAge = JSON.parse((await audit('--older-than', '30d', '--json')).stdout);
    expect(byAge.facts.map((f: { field: string }) => f.field)).toEqual(['hours']);
    expect(byAge.filters.checkedBefore).toBe('2026-11-10');
  });

  it('filters by item and by city', async () => {
    const one = JSON.parse((await audit('--attraction', 'hunan-museum', '--json')).stdout);
    expect(one.facts.map((f: { id: string }) => f.id)).toEqual(['hunan-museum']);
    const wuhan = JSON.parse((await audit('--city', 'Wuhan', '--json')).stdout);
    expect(new Set(wuhan.facts.map((f: { city: string }) => f.city))).toEqual(new Set(['wuhan']));
  });

  it('prints tab-separated columns in a pipe', async () => {
    const run = await audit('--status', 'estimate');
    expect(run.stdout).toBe('attraction\tyellow-crane-tower\twuhan\thours\testimate\t\t\t\n');
  });

  it('prints counts and a table in a terminal, estimates marked', async () => {
    const run = await runCli(['--catalogue', CATALOGUE, 'catalogue', 'audit'], { now: NOW, tty: true });
    expect(run.exitCode).toBe(0);
    const plain = run.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toContain('As of 2026-12-10: 5 facts · 3 confirmed · 1 estimate · 1 assumed');
    expect(plain).toMatch(/yellow-crane-tower\s+hours\s+estimate/);
    expect(plain).toContain('* derived from a discount rule');
    expect(run.stdout).not.toBe(plain); // estimates and statuses in colour
  });

  it.each([
    [['--status', 'estimated'], "--status: unknown status 'estimated'"],
    [['--older-than', 'soon'], "--older-than: 'soon' is neither a duration nor a date"],
    [['--attraction', 'yellow-crane'], "--attraction: no attraction, city, link or pass 'yellow-crane'"],
  ])('refuses %j with exit 2 and a sentence naming the flag', async (args, message) => {
    const run = await audit(...args);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
