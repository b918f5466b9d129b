// Exact check for 2-trip OPHS instances (used for bench/results/planner.md, not by jest):
//   node test/bench/ophs-exact-2trip.mjs FILE TARGET TOLERANCE
// Enumerates every set of POIs a first trip (point 0 -> hotel) can cover within Td1 + TOLERANCE
// with a score that still allows TARGET, then asks whether a second trip (hotel -> point 1)
// within Td2 + TOLERANCE can add the rest without reusing a POI. Prints, per hotel, a witness
// (first trip's set and score) or null: null for every hotel proves TARGET unreachable.
import { readFileSync } from 'node:fs';
const [file, target, eps] = process.argv.slice(2);
const t = readFileSync(file, 'utf8').split(/^\s*-{3,}/m)[0].trim().split(/\s+/).map(Number);
const [n, h, D] = t;
if (D !== 2) throw new Error('2-trip instances only');
const lims = [t[4], t[5]];
const pts = [];
for (let i = 0; i < n + h; i++) pts.push([t[6 + 3 * i], t[7 + 3 * i], t[8 + 3 * i]]);
const H = h + 2;
const T = Number(target);
const E = Number(eps);
const L1 = lims[0] + E;
const L2 = lims[1] + E;
const d = (a, b) => Math.hypot(pts[a][0] - pts[b][0], pts[a][1] - pts[b][1]);
/** Best (or, with need, any reaching need) score of a path from s to e within L avoiding `used`. */
function path(s, e, L, used, need) {
  let best = 0;
  let found = false;
  const go = (cur, len, sc) => {
    if (found) return;
    if (len + d(cur, e) <= L) {
      if (sc > best) best = sc;
      if (need !== undefined && sc >= need) { found = true; return; }
    }
    let ub = sc;
    for (let c = H; c < pts.length; c++) if (!used[c] && len + d(cur, c) + d(c, e) <= L) ub += pts[c][2];
    if (ub <= (need !== undefined ? need - 1 : best)) return;
    for (let c = H; c < pts.length; c++) {
      if (used[c]) continue;
      const nl = len + d(cur, c);
      if (nl + d(c, e) > L) continue;
      used[c] = 1;
      go(c, nl, sc + pts[c][2]);
      used[c] = 0;
    }
  };
  go(s, 0, 0);
  return need !== undefined ? found : best;
}
for (let hotel = 0; hotel < H; hotel++) {
  if (d(0, hotel) > L1 || d(hotel, 1) > L2) continue;
  const max2 = path(hotel, 1, L2, new Uint8Array(pts.length));
  const need1 = T - max2;
  const sets = new Map();
  const used = new Uint8Array(pts.length);
  const stack = [];
  const go = (cur, len, sc) => {
    if (sc >= need1 && len + d(cur, hotel) <= L1) {
      const key = [...stack].sort((a, b) => a - b).join(',');
      if (!sets.has(key)) sets.set(key, sc);
    }
    let ub = sc;
    for (let c = H; c < pts.length; c++) if (!used[c] && len + d(cur, c) + d(c, hotel) <= L1) ub += pts[c][2];
    if (ub < need1) return;
    for (let c = H; c < pts.length; c++) {
      if (used[c]) continue;
      const nl = len + d(cur, c);
      if (nl + d(c, hotel) > L1) continue;
      used[c] = 1;
      stack.push(c);
      go(c, nl, sc + pts[c][2]);
      stack.pop();
      used[c] = 0;
    }
  };
  go(0, 0, 0);
  let witness = null;
  for (const [key, s1] of sets) {
    const ex = new Uint8Array(pts.length);
    for (const x of key.split(',').filter((x) => x !== '')) ex[Number(x)] = 1;
    if (path(hotel, 1, L2, ex, T - s1)) { witness = [key, s1]; break; }
  }
  console.log(`hotel ${hotel}: best second trip alone ${max2}, first-trip sets ${sets.size}, witness ${JSON.stringify(witness)}`);
}
