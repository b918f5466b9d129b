/**
 * The JSON documents are a contract (docs/CLI.md, docs/PASSES.md): every key
 * a plan, its quote and its pass quote carry is named in those pages. One trip
 * holds most of the extensions: National Day (holiday notes), a cruise with an
 * optional excursion (cruise items, `aboard`), six travellers (a vehicle inside
 * `transfer`), outdoor sites (`sunset`), meals and estimates; and the
 * catalogue, plan-check and pass-product documents. A key added without its
 * line in the docs fails here (as cli-doc.test.ts does for flags).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, runCli } from './helpers/run-cli.js';

const read = (f: string) => readFileSync(path.join(REPO_ROOT, 'docs', f), 'utf8');
const DOCS = [read('CLI.md'), read('PASSES.md')].join('\n');
/** The catalogue's own fields, which the catalogue documents repeat: named in docs/CATALOGUE.md (as `key` or a YAML `key:`). */
const CATALOGUE_DOC = read('CATALOGUE.md');
const PLAN = ['plan', '--from', 'chongqing', '--start', '2027-10-01', '--days', '4', '--themes', 'water,eco', '--party', 'adult=6', '--must', 'baidicheng-qutang', '--json', '--time-limit', '40'];

/** Every object key in a JSON value, with one path where it occurs (arrays as []). */
function keysOf(value: unknown, at = '', found = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, `${at}[]`, found);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!found.has(k)) found.set(k, `${at}.${k}`);
      keysOf(v, `${at}.${k}`, found);
    }
  }
  return found;
}

/** Keys the docs do not name as `"key"` or `key` (data keys such as a category or a theme are named too). */
const undocumented = (doc: unknown) =>
  [...keysOf(doc)]
    .filter(([k]) => !DOCS.includes(`"${k}"`) && !DOCS.includes(`\`${k}\``) && !CATALOGUE_DOC.includes(`\`${k}\``) && !new RegExp(`[\\s{,]${k}:`).test(CATALOGUE_DOC))
    .map(([, p]) => p);

let dir: string;
let plan: unknown;
let planFile: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yangtze-json-doc-'));
  const run = await runCli(PLAN, { monotonicMs: () => 0, now: '2027-09-01T09:00:00+08:00' });
  expect(run.exitCode).toBe(0);
  plan = JSON.parse(run.stdout);
  planFile = path.join(dir, 'plan.json');
  writeFileSync(planFile, run.stdout);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('every JSON key is in the docs', () => {
  it('the itinerary (plan --json), with the extensions the trip should hold', () => {
    const keys = keysOf(plan);
    for (const key of ['holiday', 'sunset', 'aboard', 'part', 'meal', 'transfer', 'vehicle', 'estimates']) expect(keys.has(key)).toBe(true);
    expect(undocumented(plan)).toEqual([]);
  });

  it.each([
    ['catalogue validate', []],
    ['catalogue list', []],
    ['catalogue show', ['yellow-crane-tower']],
    ['catalogue show', ['wuhan']],
    ['pass products', []],
  ] as const)('%s %j --json', async (command, args) => {
    const run = await runCli([...command.split(' '), ...args, '--json']);
    expect(run.exitCode).toBe(0);
    expect(undocumented(JSON.parse(run.stdout))).toEqual([]);
  });

  it('plan check --json', async () => {
    const run = await runCli(['plan', 'check', planFile, '--json']);
    expect(undocumented(JSON.parse(run.stdout))).toEqual([]);
  });

  it.each(['quote', 'pass quote'])('%s --json', async (command) => {
    const run = await runCli([...command.split(' '), planFile, '--json']);
    expect(run.exitCode).toBe(0);
    expect(undocumented(JSON.parse(run.stdout))).toEqual([]);
  });
});

describe('docs/CATALOGUE.md', () => {
  /** Every property name in the JSON Schema of routes.yaml (the one definition of its shape). */
  function properties(schema: unknown, found = new Set<string>()): Set<string> {
    if (Array.isArray(schema)) for (const s of schema) properties(s, found);
    else if (schema !== null && typeof schema === 'object') {
      for (const [k, v] of Object.entries(schema)) {
        if (k === 'properties' && v !== null && typeof v === 'object') for (const name of Object.keys(v)) found.add(name);
        properties(v, found);
      }
    }
    return found;
  }

  it('names every field the catalogue schema has', async () => {
    const run = await runCli(['catalogue', 'schema']);
    const named = (k: string) => new RegExp(`(?<![\\w-])${k}(?![\\w-])`).test(CATALOGUE_DOC);
    expect([...properties(JSON.parse(run.stdout))].filter((k) => !named(k))).toEqual([]);
  });
});
