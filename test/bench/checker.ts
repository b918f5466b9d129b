/**
 * An independent feasibility checker for benchmark output: it re-reads the
 * instance file and recomputes every time from it, sharing no code with the
 * solver or the bench adapters.
 */

export interface CheckResult {
  readonly errors: string[];
  readonly score: number;
}

function numbersPerLine(text: string): number[][] {
  return text.split(/\r?\n/).map((l) => l.trim().split(/\s+/).filter((t) => t !== '').map(Number));
}

/**
 * Checks one TOPTW result line ({tours, score, routes}) against a Solomon or Cordeau file. Times are
 * in units of 10^-decimals: travel times rounded down to 0.1 (decimals 1, Solomon) or 0.01 (2, Cordeau pr*).
 */
export function checkToptw(
  instanceText: string,
  result: { tours: number; score: number; routes: number[][] },
  decimals = 1,
): CheckResult {
  const rows = numbersPerLine(instanceText).slice(2).filter((r) => r.length >= 7);
  const byId = new Map(rows.map((r) => [r[0]!, r]));
  const depot = rows[0]!;
  const scale = 10 ** decimals;
  const travel = (a: number[], b: number[]): number => Math.floor(Math.hypot(a[1]! - b[1]!, a[2]! - b[2]!) * scale + 1e-7);
  const at = (t: number): number => Math.round(t * scale);
  const errors: string[] = [];
  const seen = new Set<number>();
  let score = 0;
  if (result.routes.length !== result.tours) errors.push(`expected ${result.tours} routes, got ${result.routes.length}`);
  result.routes.forEach((route, k) => {
    let t = 0;
    let prev = depot;
    for (const id of route) {
      const row = byId.get(id);
      if (row === undefined || id === depot[0]) {
        errors.push(`route ${k}: ${id} is not a customer`);
        continue;
      }
      if (seen.has(id)) errors.push(`customer ${id} visited twice`);
      seen.add(id);
      score += row[4]!;
      const arrive = t + travel(prev, row);
      const open = at(row[row.length - 2]!);
      const close = at(row[row.length - 1]!);
      if (arrive > close) errors.push(`route ${k}: customer ${id} reached at ${arrive / scale} after its latest start ${close / scale}`);
      t = Math.max(arrive, open) + at(row[3]!);
      prev = row;
    }
    const back = t + travel(prev, depot);
    if (back > at(depot[depot.length - 1]!)) errors.push(`route ${k}: back at the depot at ${back / scale}, after ${depot[depot.length - 1]}`);
  });
  if (score !== result.score) errors.push(`reported score ${result.score}, recomputed ${score}`);
  return { errors, score };
}

/** Checks one OPHS result line ({score, trips}) against an OPHS file. */
export function checkOphs(instanceText: string, result: { score: number; trips: number[][] }, eps = 5e-5): CheckResult {
  const tokens = instanceText.split(/^\s*-{3,}/m)[0]!.split(/\s+/).filter((t) => t !== '').map(Number);
  const [n, h, days] = tokens as [number, number, number];
  const limits = tokens.slice(4, 4 + days);
  const pts: [number, number, number][] = [];
  for (let i = 4 + days; i + 2 < tokens.length && pts.length < n + h; i += 3) pts.push([tokens[i]!, tokens[i + 1]!, tokens[i + 2]!]);
  const hotels = h + 2;
  const errors: string[] = [];
  const seen = new Set<number>();
  let score = 0;
  if (result.trips.length !== days) errors.push(`expected ${days} trips, got ${result.trips.length}`);
  result.trips.forEach((trip, d) => {
    const first = trip[0];
    const last = trip[trip.length - 1];
    if (trip.length < 2 || first === undefined || last === undefined) {
      errors.push(`trip ${d}: too short`);
      return;
    }
    if (d === 0 && first !== 0) errors.push('trip 0 does not start at point 0');
    if (d > 0 && first !== result.trips[d - 1]![result.trips[d - 1]!.length - 1]) errors.push(`trip ${d} does not start where trip ${d - 1} ended`);
    if (d === days - 1 && last !== 1) errors.push('last trip does not end at point 1');
    if (!(last < hotels)) errors.push(`trip ${d} ends at ${last}, not a hotel`);
    let length = 0;
    for (let i = 1; i < trip.length; i++) {
      const a = pts[trip[i - 1]!];
      const b = pts[trip[i]!];
      if (a === undefined || b === undefined) {
        errors.push(`trip ${d}: unknown point`);
        return;
      }
      length += Math.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2);
    }
    for (const p of trip.slice(1, -1)) {
      if (p < hotels) errors.push(`trip ${d}: hotel ${p} inside a trip`);
      if (seen.has(p)) errors.push(`point ${p} visited twice`);
      seen.add(p);
      score += pts[p]?.[2] ?? 0;
    }
    if (length > limits[d]! + eps) errors.push(`trip ${d}: length ${length} over its limit ${limits[d]}`);
  });
  if (score !== result.score) errors.push(`reported score ${result.score}, recomputed ${score}`);
  return { errors, score };
}
