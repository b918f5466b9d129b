import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ophsProblem, parseOphs } from '../../bench/lib/ophs-instance.js';
import { distanceDecimalsFor, parseToptw, scaledFloorDistance, toptwProblem } from '../../bench/lib/toptw-instance.js';
import { fileURLToPath } from 'node:url';
import { benchDir } from '../../bench/lib/bench-dir.js';
import { describeWithInstances } from './describe-with-instances.js';

const BENCH = benchDir(fileURLToPath(new URL('../..', import.meta.url)));

describe('TOPTW adapter', () => {
  it('reads a CRLF file with trailing blanks, taking O and C as the last two numbers', () => {
    const text = '1 2 2 3\r\n0 200 \r\n 0 0 0 0 0 0 0 0 100 \r\n 1 3 4 10 7 1 1 1 20 30\r\n 2 6 8 5 9 1 2 1 2 0 50\r\n';
    const inst = parseToptw(text);
    expect(inst.vertices.map((v) => [v.id, v.open, v.close])).toEqual([[0, 0, 100], [1, 20, 30], [2, 0, 50]]);
  });

  it('rounds distances down to a tenth, exactly, in integer tenths', () => {
    const at = (x: number, y: number) => ({ id: 0, x, y, duration: 0, score: 0, open: 0, close: 0 });
    expect(scaledFloorDistance(at(0, 0), at(3, 4), 10)).toBe(50);
    expect(scaledFloorDistance(at(0, 0), at(1, 1), 10)).toBe(14);
  });

  it('rounds the Cordeau pr* files to 0.01 and every other file to 0.1, by file name (shared bench README)', () => {
    expect(['pr01', 'pr20', 'PR07'].map(distanceDecimalsFor)).toEqual([2, 2, 2]);
    expect(['c101', 'r211', 'rc208', 'print', 'pr', 'pr01-copy'].map(distanceDecimalsFor)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('rounds down to a hundredth exactly on three-decimal coordinates', () => {
    const at = (x: number, y: number) => ({ id: 0, x, y, duration: 0, score: 0, open: 0, close: 0 });
    expect(scaledFloorDistance(at(0, 0), at(1, 1), 100)).toBe(141);
    // A 0.3-0.4-0.5 triangle and a 10.05 leg are whole hundredths: they stay whole, not one unit short.
    expect(scaledFloorDistance(at(-10.442, 19.999), at(-10.142, 20.399), 100)).toBe(50);
    expect(scaledFloorDistance(at(0, 0), at(10.05, 0), 100)).toBe(1005);
    expect(scaledFloorDistance(at(0, 0), at(10.05, 0), 10)).toBe(100);
  });

  it('scales times to hundredths with two decimals', () => {
    const inst = parseToptw('x\nx\n0 0 0 0 0 0 0 0 100\n1 3 4 10 7 1 1 1 20 30\n');
    const p = toptwProblem(inst, 1, 2);
    expect(p.days[0]!.close).toBe(10000);
    expect(p.visits[0]).toMatchObject({ duration: 1000, windows: [[{ open: 2000, close: 3000 }]] });
    expect(p.travel.arrive(0, 1, 5, 0)).toBe(505);
  });

  it('makes M days from and back to the depot with windows scaled to tenths', () => {
    const inst = parseToptw('x\nx\n0 0 0 0 0 0 0 0 100\n1 3 4 10 7 1 1 1 20 30\n');
    const p = toptwProblem(inst, 2);
    expect(p.days).toEqual([{ open: 0, close: 1000, start: 0, ends: [0] }, { open: 0, close: 1000, start: 0, ends: [0] }]);
    expect(p.visits[0]).toMatchObject({ key: '1', place: 1, duration: 100, score: 7, windows: [[{ open: 200, close: 300 }], [{ open: 200, close: 300 }]] });
    expect(p.travel.arrive(0, 1, 5, 0)).toBe(55);
  });

});

describeWithInstances(BENCH)('TOPTW adapter on the shared instances', () => {
  it('reads every vertex of c204 despite its odd header', () => {
    expect(parseToptw(readFileSync(`${BENCH}/toptw/solomon200/c204.txt`, 'utf8')).vertices).toHaveLength(101);
  });
});

describe('OPHS adapter', () => {
  const text = '4\t1\t2\r\n10\r\n6\t4\t\r\n\r\n0 0 0\n0 0 0\n5 5 0\n1 0 3\n0 2 4\n---------\n';

  it('reads tab-separated headers, hotels and POIs up to the dashes', () => {
    const inst = parseOphs(text);
    expect(inst).toMatchObject({ n: 4, extraHotels: 1, tmax: 10, tripLimits: [6, 4] });
    expect(inst.points).toHaveLength(5);
  });

  it('lets the first trip end at any hotel and the last at point 1; POIs are the visits', () => {
    const p = ophsProblem(parseOphs(text));
    expect(p.days.map((d) => d.ends)).toEqual([[0, 1, 2], [1]]);
    expect(p.days[0]!.start).toBe(0);
    expect(p.days[1]!.start).toBeUndefined();
    expect(p.visits.map((v) => [v.key, v.score])).toEqual([['3', 3], ['4', 4]]);
  });
});
