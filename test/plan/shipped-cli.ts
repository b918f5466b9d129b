/**
 * Whole-CLI plans on the shipped catalogue for specs: `plan … --json -q` as a user runs it, and
 * `plan check` on an itinerary (written to a throwaway directory).
 */
import { expect } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Itinerary, ItineraryItem } from '../../src/domain/itinerary/itinerary.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { SHIPPED } from './shipped.js';

export const runShipped = (args: readonly string[]) => runCli(['--catalogue', SHIPPED, ...args], { monotonicMs: () => 0 });

/** The plan's JSON (the run must exit 0). */
export async function planJson(args: readonly string[]): Promise<Itinerary> {
  const r = await runShipped(['plan', ...args, '--json', '-q']);
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as Itinerary;
}

/** `plan check` of itineraries, each written to a file in one temporary directory; `remove` deletes it. */
export function planChecker(prefix: string): { check(p: Itinerary): Promise<{ exitCode: number; out: string }>; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  let n = 0;
  return {
    async check(p) {
      const file = path.join(dir, `plan-${n++}.json`);
      writeFileSync(file, JSON.stringify(p));
      const r = await runShipped(['plan', 'check', file]);
      return { exitCode: r.exitCode, out: r.stdout + r.stderr };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The same ISO time at another clock time of its day ('HH:MM'). */
export function atClock(iso: string, hhmm: string): string {
  return iso.replace(/T\d\d:\d\d/, `T${hhmm}`);
}

/** The itinerary with the picked items of one day moved to `start`–`end` ('HH:MM'), the rest as it was: a bad plan for `plan check`. */
export function retimed(p: Itinerary, dayIndex: number, pick: (i: ItineraryItem) => boolean, start: string, end: string): Itinerary {
  const items = p.days[dayIndex]!.items.map((i) => (i.kind !== 'travel' && pick(i) ? { ...i, start: atClock(i.start, start), end: atClock(i.end, end) } : i));
  return { ...p, days: p.days.map((d, k) => (k === dayIndex ? { ...d, items } : d)) };
}
