#!/usr/bin/env node
// Which attractions plans use most, and how well their customer-visible facts are sourced.
//
//   npm run build && node scripts/catalogue-coverage.mjs [--top 30] [--json] [--catalogue FILE]
//
// Runs the planner (dist/) on a fixed spread of requests over the corridor — every hub city as
// start, 2/3/5/7 days, each theme mix, four seasons of start dates, with and without an end city —
// counts how often each attraction is visited, and for the most visited reports the share of
// their prices (per rider category), hours and closures that are `confirmed` with a source and
// a checked date. Deterministic: fixed seeds and iteration counts, no wall clock.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const top = Number(opt('--top', '30'));
const file = resolve(opt('--catalogue', resolve(root, 'routes.yaml')));

const { loadCatalogueFile } = await import(resolve(root, 'dist/src/io/load-catalogue.js'));
const { chinaHolidayCalendar } = await import(resolve(root, 'dist/src/io/china-holidays.js'));
const { planTrip } = await import(resolve(root, 'dist/src/domain/plan/plan-trip.js'));
const { factOf } = await import(resolve(root, 'dist/src/domain/catalogue/fact-of.js'));

const loaded = await loadCatalogueFile(file, file, { cacheDir: null });
if (!loaded.ok) throw new Error(`${file} does not load`);
const catalogue = loaded.value;
const calendar = chinaHolidayCalendar(catalogue.holidays);

const THEME_MIXES = [[], ['cultural'], ['red'], ['eco', 'water'], ['cultural', 'red'], ['water']];
const STARTS = ['2027-01-12', '2027-04-13', '2027-07-13', '2027-10-12'];
const base = { dayStart: '08:00', dayEnd: '20:00', must: [], avoid: [], pace: 'standard', party: { adult: 2 } };
const requests = [];
const cities = catalogue.cities.map((c) => c.id);
cities.forEach((from, i) => {
  for (const days of [2, 3, 5, 7]) {
    THEME_MIXES.forEach((themes, j) => {
      const start = STARTS[(i + j + days) % STARTS.length];
      const to = days >= 5 ? cities[(i + j + 3) % cities.length] : undefined;
      requests.push({ ...base, from, ...(to && to !== from ? { to } : {}), days, themes, start, seed: 1 + j });
    });
  }
});

const visits = new Map();
let plans = 0;
for (const request of requests) {
  const result = planTrip(catalogue, request, calendar, { seed: request.seed, maxIterations: 1500, effort: 15_000, skeletons: 2 });
  if (!result.ok) continue;
  plans++;
  for (const day of result.itinerary.days) for (const item of day.items) if (item.kind === 'visit') visits.set(item.attraction, (visits.get(item.attraction) ?? 0) + 1);
}

const ranked = [...visits].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, top);
const sourced = (f) => f?.status === 'confirmed' && f.sources.length > 0 && f.checked !== undefined;
const tally = { price: [0, 0], hours: [0, 0], closures: [0, 0] };
const rows = ranked.map(([id, n]) => {
  const a = catalogue.attractions.find((x) => x.id === id);
  const prices = catalogue.riderCategories.map((c) => `price.${c.id}`);
  const closures = ['closed', ...(a.closedNth.length ? ['closed_nth'] : [])];
  const row = { id, visits: n, price: prices.filter((p) => sourced(factOf(a, p))).length + '/' + prices.length, hours: sourced(factOf(a, 'hours')), closures: closures.every((c) => sourced(factOf(a, c))) };
  tally.price[0] += prices.filter((p) => sourced(factOf(a, p))).length;
  tally.price[1] += prices.length;
  tally.hours[0] += row.hours ? 1 : 0;
  tally.hours[1] += 1;
  tally.closures[0] += closures.filter((c) => sourced(factOf(a, c))).length;
  tally.closures[1] += closures.length;
  return row;
});
const pct = ([k, n]) => (n ? Math.round((1000 * k) / n) / 10 : 0);
const all = [tally.price, tally.hours, tally.closures].reduce((s, [k, n]) => [s[0] + k, s[1] + n], [0, 0]);
const summary = {
  requests: requests.length, plans, attractionsVisited: visits.size, top,
  confirmed: { prices: `${tally.price[0]}/${tally.price[1]} (${pct(tally.price)} %)`, hours: `${tally.hours[0]}/${tally.hours[1]} (${pct(tally.hours)} %)`, closures: `${tally.closures[0]}/${tally.closures[1]} (${pct(tally.closures)} %)`, all: `${all[0]}/${all[1]} (${pct(all)} %)` },
};
if (args.includes('--json')) console.log(JSON.stringify({ summary, rows }, null, 2));
else {
  console.log(`${plans} plans from ${requests.length} requests; ${visits.size} attractions visited; the ${top} most visited:`);
  for (const r of rows) console.log(`  ${String(r.visits).padStart(4)}  ${r.id.padEnd(34)} price ${r.price}  hours ${r.hours ? 'yes' : 'NO '}  closures ${r.closures ? 'yes' : 'NO'}`);
  console.log(`confirmed with a dated source: prices ${summary.confirmed.prices}, hours ${summary.confirmed.hours}, closures ${summary.confirmed.closures}; all ${summary.confirmed.all}`);
}
