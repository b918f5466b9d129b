/**
 * `node dist/bench/plan-value.js [--requests N] [--seed S]`: does the planner
 * sell what agents sell? Issue 12's style check, rerunnable: N random
 * plausible requests (a lodging city to start, sometimes an end city,
 * 1–9 days in 2027, a few themes, a party of two adults and maybe a child,
 * sometimes a must stop), planned with the CLI's default effort, then counted:
 *
 * - Lushan visited in the plans where it is a candidate and the trip spends
 *   a day in Jiujiang; Two Dams One Gorge likewise in Yichang;
 * - idle days: a land day without a visit while a must-see or 5A stop of
 *   that day's cities is left out for "no time";
 * - musts dropped, and the longest run of stops sharing their first theme
 *   within a day;
 * - the 1-day eco trip from Jiujiang;
 * - the trip's way between cities (issue 12 items 2 and 12): A → B → A that is
 *   not a return from a dead end, a city left and come back to later (a loop:
 *   Wuhan → Changsha → Yueyang → Wuhan), changes of train where a through
 *   link runs, and on trips of 1–3 days the minutes and the party's yuan spent
 *   on links between cities.
 *
 * Prints Markdown for bench/results/plan-value.md.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_ITERATIONS, SKELETONS, DEFAULT_TIME_LIMIT_MS, effortFor } from '../src/commands/plan.js';
import { THEMES, type Attraction, type Theme } from '../src/domain/catalogue/model.js';
import { addDays } from '../src/domain/calendar/iso-date.js';
import type { Itinerary, PlanRequest, TravelItem, VisitItem } from '../src/domain/itinerary/itinerary.js';
import { directedLinks } from '../src/domain/travel/city-links.js';
import { candidateStops, planTrip } from '../src/domain/plan/plan-trip.js';
import { createRandom } from '../src/domain/planner/random.js';
import { chinaHolidayCalendar } from '../src/io/china-holidays.js';
import { loadCatalogueFile } from '../src/io/load-catalogue.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function arg(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

const visitsOf = (it: Itinerary, tripDay: number): VisitItem[] =>
  it.days[tripDay]!.items.filter((i): i is VisitItem => i.kind === 'visit');

async function main(argv: readonly string[]): Promise<void> {
  const n = arg(argv, '--requests', 150);
  const loaded = await loadCatalogueFile(path.join(root, 'routes.yaml'), 'routes.yaml');
  if (!loaded.ok) throw new Error('routes.yaml does not load');
  const catalogue = loaded.value;
  const calendar = chinaHolidayCalendar(catalogue.holidays);
  const rnd = createRandom(arg(argv, '--seed', 12));
  const lodging = catalogue.cities.filter((c) => c.lodging).map((c) => c.id);
  const pick = <T>(xs: readonly T[]): T => xs[rnd.int(xs.length)]!;
  const plan = (request: PlanRequest) =>
    planTrip(catalogue, request, calendar, { seed: request.seed ?? 1, maxIterations: MAX_ITERATIONS, effort: effortFor(DEFAULT_TIME_LIMIT_MS), skeletons: SKELETONS });

  const flagship = (id: string, city: string) => ({ id, city, eligible: 0, visited: 0 });
  const flagships = [flagship('lushan-national-park', 'jiujiang'), flagship('two-dams-one-gorge-cruise', 'yichang')];
  let plans = 0;
  let refused = 0;
  let idleDays = 0;
  let landDays = 0;
  let mustsAsked = 0;
  let mustsDropped = 0;
  let longestRun = 0;
  let backtracks = 0;
  let loops = 0;
  let needlessChanges = 0;
  let shortTrips = 0;
  let shortTravelMin = 0;
  let shortFares = 0;
  const links = directedLinks(catalogue);
  const through = new Set(links.filter((l) => l.link.durationMin < 24 * 60).map((l) => `${l.from}>${l.to}`));
  const deadEnd = (b: string, a: string) => links.filter((l) => l.from === b).every((l) => l.to === a);
  const t0 = performance.now();
  for (let k = 0; k < n; k++) {
    const themes = [...THEMES].filter(() => rnd.next() < 0.45) as Theme[];
    const from = pick(lodging);
    const days = 1 + rnd.int(9);
    const must = rnd.next() < 0.3 ? [pick(catalogue.attractions).id] : [];
    const request: PlanRequest = {
      from,
      ...(rnd.next() < 0.5 ? { to: pick(lodging) } : {}),
      start: addDays('2027-03-01', rnd.int(240)),
      days,
      themes,
      party: rnd.next() < 0.5 ? { adult: 2 } : { adult: 2, child: 1 },
      dayStart: '08:00',
      dayEnd: '20:00',
      must,
      avoid: [],
      pace: 'standard',
      seed: 1 + rnd.int(1000),
    };
    const result = plan(request);
    if (!result.ok) {
      refused++;
      continue;
    }
    plans++;
    const it = result.itinerary;
    const candidates = new Set(candidateStops(catalogue, request).map((a) => a.id));
    const visited = new Set(it.days.flatMap((d) => d.items.flatMap((i) => (i.kind === 'visit' ? [i.attraction] : []))));
    for (const f of flagships) {
      const inCity = it.days.some((d) => d.start === f.city || d.lodging === f.city);
      if (!candidates.has(f.id) || !inCity) continue;
      f.eligible++;
      if (visited.has(f.id)) f.visited++;
    }
    const way = wayOf(it);
    const verbose = argv.includes('--verbose');
    way.trail.forEach((c, i) => {
      if (i + 2 < way.trail.length && way.trail[i + 2] === c && !deadEnd(way.trail[i + 1]!, c)) {
        backtracks++;
        if (verbose) process.stderr.write(`A → B → A: ${JSON.stringify(request)} ${way.trail.join(' → ')}\n`);
      }
      // A loop: back in a city left earlier, other than straight back from a dead end.
      const home = i === way.trail.length - 1 && c === request.from && request.to === request.from;
      if (way.trail.indexOf(c) < i && !home && !(way.trail[i - 2] === c && deadEnd(way.trail[i - 1]!, c))) {
        loops++;
        if (verbose) process.stderr.write(`loop: ${JSON.stringify(request)} ${way.trail.join(' → ')}\n`);
      }
    });
    needlessChanges += way.changes.filter((c) => through.has(c)).length;
    if (days <= 3) {
      shortTrips++;
      shortTravelMin += way.minutes;
      shortFares += way.fares;
    }
    mustsAsked += must.length;
    mustsDropped += must.filter((id) => !visited.has(id)).length;
    if (verbose) {
      for (const id of must.filter((x) => !visited.has(x))) {
        const u = it.unscheduled.find((x) => x.attraction === id);
        process.stderr.write(`must dropped: ${JSON.stringify(request)} ${id} ${u?.reason ?? '?'}: ${u?.detail ?? ''}\n`);
      }
    }
    const leftForTime = new Set(it.unscheduled.filter((u) => u.reason === 'no-time').map((u) => u.attraction));
    const byId = new Map(catalogue.attractions.map((a) => [a.id, a] as const));
    it.days.forEach((d, i) => {
      if (d.items.some((x) => x.kind === 'travel' && x.mode !== 'local' && d.start !== d.lodging && x.arrive > `${d.date}T18`)) return;
      if (d.items.some((x) => x.kind === 'travel' && (x.mode === 'cruise' || x.mode === 'ferry'))) return;
      landDays++;
      const vs = visitsOf(it, i);
      const strongLeft = [...leftForTime].some((id) => {
        const a: Attraction | undefined = byId.get(id);
        return a !== undefined && (a.mustSee || a.rating === '5A') && (a.city === d.start || a.city === d.lodging);
      });
      if (vs.length === 0 && strongLeft) idleDays++;
      let run = 0;
      let prev: string | undefined;
      for (const v of vs) {
        run = v.themes[0] === prev ? run + 1 : 1;
        prev = v.themes[0];
        longestRun = Math.max(longestRun, run);
      }
    });
  }
  const elapsed = performance.now() - t0;
  const eco = plan({
    from: 'jiujiang', start: '2027-05-11', days: 1, themes: ['eco'], party: { adult: 2 }, dayStart: '08:00', dayEnd: '20:00',
    must: [], avoid: [], pace: 'standard', seed: 1,
  });
  const ecoVisits = eco.ok ? eco.itinerary.days.flatMap((d) => d.items.flatMap((i) => (i.kind === 'visit' ? [i.attraction] : []))) : [];
  const lines = [
    `Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the end; ${n} requests (seed ${arg(argv, '--seed', 12)}), default effort, ${(elapsed / 1000).toFixed(1)} s in all.`,
    '',
    '| measure | value |',
    '|---|--:|',
    `| plans (refused) | ${plans} (${refused}) |`,
    ...flagships.map((f) => `| ${f.id} visited / eligible | ${f.visited} / ${f.eligible} |`),
    `| idle land days with a must-see or 5A stop of its cities left for "no time" | ${idleDays} of ${landDays} |`,
    `| must stops dropped / asked | ${mustsDropped} / ${mustsAsked} |`,
    `| longest run of same-first-theme stops in a day | ${longestRun} |`,
    `| A → B → A (B not a dead end) | ${backtracks} |`,
    `| loops (back in a city left earlier, not from a dead end, not a round trip's return home) | ${loops} |`,
    `| changes of train where a through link runs | ${needlessChanges} |`,
    `| trips of 1-3 days: mean minutes / party yuan on links between cities | ${shortTrips ? (shortTravelMin / shortTrips).toFixed(0) : '-'} / ${shortTrips ? (shortFares / shortTrips).toFixed(0) : '-'} (${shortTrips} trips) |`,
    `| 1-day eco from Jiujiang visits | ${ecoVisits.join(', ') || '(none)'} |`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** The cities in the order the trip reaches them, each day's changes of train (`from>to` of the day), and the time and fares between cities. */
function wayOf(it: Itinerary): { trail: string[]; changes: string[]; minutes: number; fares: number } {
  const trail = [it.request.from];
  const changes: string[] = [];
  let minutes = 0;
  let fares = 0;
  for (const day of it.days) {
    const rides = day.items.filter((i): i is TravelItem => i.kind === 'travel' && i.mode !== 'local');
    for (const r of rides) {
      for (const c of [r.from, r.to]) if (trail.at(-1) !== c) trail.push(c);
      minutes += (Date.parse(r.arrive) - Date.parse(r.depart)) / 60_000;
      fares += r.cost;
    }
    if (rides.length > 1 && rides.every((r) => r.mode !== 'cruise')) changes.push(`${rides[0]!.from}>${rides.at(-1)!.to}`);
  }
  return { trail, changes, minutes, fares };
}

await main(process.argv.slice(2));
