#!/usr/bin/env node
// Exact upper bound for OPHS instances via the single-path Orienteering relaxation.
//
// Solver: CBC (COIN-OR branch-and-cut), called as the `cbc` binary on an LP file.
//   Install (Debian, as root):  apt-get update && apt-get install -y coinor-cbc
//   Tested with CBC 2.10.8 (Debian bookworm package coinor-cbc 2.10.8+ds1-1).
//   Not a project dependency; this script has no npm imports.
//
// Argument: an OPHS solution is a chain of D trips start hotel -> ... -> end hotel,
// trip d of length <= Td_d (+ tol).  Concatenating the trips and shortcutting the
// intermediate hotels (triangle inequality, Euclidean distances) gives one path from
// point 0 to point 1 through the same POIs, of length <= L = sum(Td) + D*tol.
// Hence OP(L) = max score of a 0->1 path over POIs with length <= L is an upper bound
// on the OPHS optimum.  If OP(L) < stated optimum, the stated optimum is unreachable.
//
// Model (undirected): x_e in {0,1} for edges of {0,1} u POIs (no 0-1 edge, other hotels
// dropped), y_i in {0,1} per POI.  deg(0)=deg(1)=1, deg(i)=2 y_i, sum d_e x_e <= L,
// x_ij <= y_i, x_ij <= y_j, max sum S_i y_i.  Cutting-plane loop: after each MIP solve,
// every connected component S of the chosen edges not containing 0/1 yields the
// generalized subtour cuts x(E(S)) <= sum_{i in S} y_i - y_k for all k in S.
// Every round's MIP is a relaxation of the OP, so its optimal value is already a valid
// upper bound; the loop ends when the solution is a single 0->1 path (= exact OP optimum).
//
// Safety against tolerances: the length constraint is written with L + margin
// (--margin, default 1e-6), i.e. slightly relaxed, so the bound is valid even if CBC's
// feasibility tolerances cut slightly; the final path's length is recomputed exactly in
// doubles and reported.  CBC is run with ratioGap 0 and allowableGap 0 (scores are
// integers, multiples of 6 in the 64-* and of 5 in the 66-* instances).
//
// Optional strengthening (each keeps the bound valid; see the comments at the code):
//   --lp-rounds N  root LP rounds separating fractional subtour cuts exactly (max-flow);
//   --image-cuts   with every subtour found, also cut its translates/rotations/reflections
//                  that land on POIs (lattice instances such as the 64-/66-point ones);
//   --symmetry     when a mirror maps the POIs and scores onto themselves, keep only the
//                  paths scoring at least as much on one side of each mirror axis.
//
// Usage:
//   node bench/proofs/op-upper-bound.mjs [--tolerance 5e-5] [--tmax] [--time-limit 300]
//        [--margin 1e-6] [--lp-rounds N] [--image-cuts] [--symmetry]
//        [--bks FILE (default $YANGTZE_BENCH_DIR/bks.csv, else ../shared/bench/bks.csv beside the repository)] [--keep] FILE.ophs ...
// Exit codes: 0 every file ran; 1 a CBC run failed (reported, the other files still ran);
// 2 bad usage or input (unknown option, a number flag that is not a number, a missing or
// malformed file, no CBC binary), before any solving starts.

import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const args = process.argv.slice(2);
const opts = { tolerance: 5e-5, tmax: false, timeLimit: 300, margin: 1e-6, bks: join(process.env.YANGTZE_BENCH_DIR ? resolve(REPO_ROOT, process.env.YANGTZE_BENCH_DIR) : resolve(REPO_ROOT, '..', 'shared', 'bench'), 'bks.csv'), keep: false, cbc: 'cbc', lpRounds: 0, exact: true, images: false, maxImageCuts: 4000, symmetry: false };
const files = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--tolerance') opts.tolerance = Number(args[++i]);
  else if (a === '--tmax') opts.tmax = true;
  else if (a === '--time-limit') opts.timeLimit = Number(args[++i]);
  else if (a === '--margin') opts.margin = Number(args[++i]);
  else if (a === '--bks') opts.bks = args[++i];
  else if (a === '--cbc') opts.cbc = args[++i];
  else if (a === '--keep') opts.keep = true;
  else if (a === '--exact') opts.exact = true;
  else if (a === '--target') opts.exact = false;
  else if (a === '--lp-rounds') opts.lpRounds = Number(args[++i]);
  else if (a === '--image-cuts') opts.images = true;
  else if (a === '--symmetry') opts.symmetry = true;
  else if (a.startsWith('--')) { console.error(`op-upper-bound: unknown option ${a}`); process.exit(2); }
  else files.push(a);
}
if (!files.length) { console.error('op-upper-bound: no instance file given; usage: op-upper-bound.mjs [options] FILE.ophs ...'); process.exit(2); }
// A mistyped number must stop the run: CBC given "-sec NaN" reports "infeasible", which must never read as a proof.
for (const [flag, value, min] of [['--tolerance', opts.tolerance, 0], ['--time-limit', opts.timeLimit, 1e-9], ['--margin', opts.margin, 0], ['--lp-rounds', opts.lpRounds, 0]]) {
  if (!Number.isFinite(value) || value < min) {
    console.error(`op-upper-bound: ${flag} must be a number ${min > 0 ? 'above 0' : 'of at least 0'} (got ${JSON.stringify(args[args.indexOf(flag) + 1] ?? '')})`);
    process.exit(2);
  }
}


function cbcVersion() {
  const r = spawnSync(opts.cbc, ['-quit'], { encoding: 'utf8' });
  const m = /Version:\s*(\S+)/.exec(r.stdout || '');
  return m ? m[1] : 'unknown';
}

function loadBks(path) {
  const map = new Map();
  if (!existsSync(path)) return map;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const c = line.split(',');
    if (c[0] === 'ophs') map.set(c[1], Number(c[3]));
  }
  return map;
}

function parseOphs(path) {
  const lines = readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length && !/^-+$/.test(l));
  const nums = (i, what) => {
    if (lines[i] === undefined) throw new Error(`line ${i + 1}: missing (${what})`);
    const v = lines[i].split(/\s+/).map(Number);
    if (v.some((x) => !Number.isFinite(x))) throw new Error(`line ${i + 1}: expected numbers (${what}), got "${lines[i]}"`);
    return v;
  };
  const [N, H, D] = nums(0, 'N H D');
  const [Tmax] = nums(1, 'Tmax');
  const Td = nums(2, 'Td per trip');
  if (Td.length !== D) throw new Error(`expected ${D} trip lengths, got ${Td.length}`);
  const pts = [];
  for (let i = 3; i < lines.length; i++) {
    const [x, y, s] = nums(i, 'x y S');
    pts.push({ x, y, s });
  }
  if (pts.length !== N + H) throw new Error(`expected ${N + H} points, got ${pts.length}`);
  return { N, H, D, Tmax, Td, start: pts[0], end: pts[1], hotels: pts.slice(2, 2 + H), pois: pts.slice(2 + H) };
}

// Every file is read and checked before CBC is started, so a typo costs nothing.
const instances = new Map();
for (const f of files) {
  if (!existsSync(f)) {
    console.error(`op-upper-bound: ${f}: no such file`);
    process.exit(2);
  }
  try {
    instances.set(f, parseOphs(f));
  } catch (e) {
    console.error(`op-upper-bound: ${f}: ${e.message}`);
    process.exit(2);
  }
}
const probe = spawnSync(opts.cbc, ['-quit'], { encoding: 'utf8' });
if (probe.error) {
  console.error(`op-upper-bound: cannot run the CBC binary "${opts.cbc}" (${probe.error.code ?? probe.error.message}); install it with apt-get install -y coinor-cbc, or pass --cbc PATH`);
  process.exit(2);
}

const dist = (a, b) => Math.hypot(a.x - b.x, a.y - b.y);
const fmt = (v) => (Number.isInteger(v) ? String(v) : v.toPrecision(17));

function solveOP(inst, L, label, bksVal) {
  // nodes: 0 = start, 1 = end, 2.. = POIs (original POI index p -> node p+2)
  const nodes = [inst.start, inst.end, ...inst.pois];
  const n = nodes.length;
  const d = (i, j) => dist(nodes[i], nodes[j]);
  const Lsolve = L + opts.margin;
  // target mode: require score >= stated optimum; infeasibility of any round = proof
  const target = !opts.exact && bksVal !== undefined ? bksVal : null;
  // reachable POIs
  const reach = [];
  for (let i = 2; i < n; i++) if (d(0, i) + d(i, 1) <= Lsolve) reach.push(i);
  // edges
  const edges = [];
  const inR = new Set(reach);
  for (const i of reach) {
    edges.push([0, i]);
    edges.push([i, 1]);
  }
  for (let a = 0; a < reach.length; a++) {
    for (let b = a + 1; b < reach.length; b++) {
      const i = reach[a], j = reach[b];
      const lb = Math.min(d(0, i) + d(i, j) + d(j, 1), d(0, j) + d(j, i) + d(i, 1));
      if (lb <= Lsolve) edges.push([i, j]);
    }
  }
  const xname = ([i, j]) => `x_${i}_${j}`;
  const yname = (i) => `y_${i}`;
  // Symmetry breaking. A reflection that maps the POIs (with their scores) onto themselves and
  // fixes the end points (or swaps them: then read the mirrored path backwards) maps every path
  // to one of the same score and length, with the score on the two sides of the axis swapped. So
  // "score on the + side >= score on the - side" keeps at least one path of every mirror pair;
  // with two such reflections that commute and each leave the other's sides alone (the x and y
  // axes), both constraints together still keep one path of every orbit.
  // The POI at a point, for the mirror test here and the lattice image cuts further down.
  const at = new Map(reach.map((i) => [`${nodes[i].x},${nodes[i].y}`, i]));
  const poiAt = (x, y) => at.get(`${x},${y}`);
  const symmetryCuts = [];
  const symmetryNames = [];
  if (opts.symmetry) {
    const s0 = nodes[0], s1 = nodes[1];
    const inv = (f) => reach.every((i) => { const j = poiAt(...f(nodes[i].x, nodes[i].y)); return j !== undefined && nodes[j].s === nodes[i].s; });
    const side = (g) => {
      const plus = reach.filter((i) => g(i) > 0 && nodes[i].s), minus = reach.filter((i) => g(i) < 0 && nodes[i].s);
      return [...plus.map((i) => `+ ${nodes[i].s} ${yname(i)}`), ...minus.map((i) => `- ${nodes[i].s} ${yname(i)}`)].join(' ').replace(/^\+ /, '');
    };
    if (s0.y === s1.y && inv((x, y) => [x, 2 * s0.y - y])) {
      symmetryCuts.push(side((i) => nodes[i].y - s0.y));
      symmetryNames.push(`y=${s0.y}`);
    }
    const cx = (s0.x + s1.x) / 2;
    if (s0.y === s1.y && inv((x, y) => [2 * cx - x, y])) {
      symmetryCuts.push(side((i) => nodes[i].x - cx));
      symmetryNames.push(`x=${cx}`);
    }
    process.stderr.write(`  [${label}] symmetry: ${symmetryNames.length ? 'mirror axes ' + symmetryNames.join(', ') : 'none found'}\n`);
  }
  const cuts = [];
  const cutKeys = new Set();
  const work = mkdtempSync(join(tmpdir(), 'opub-'));
  const lpFile = join(work, 'm.lp');
  const solFile = join(work, 'm.sol');
  const startFile = join(work, 'start.sol');
  const t0 = Date.now();
  let rounds = 0;
  let firstBoundBelow = null; // first round whose (relaxation) bound < stated
  let best = null; // best feasible path found (lower bound)
  let status = 'unknown';
  let upper = null;
  let infeasible = false;

  function writeLp() {
    const out = [];
    out.push('Maximize');
    out.push(' obj: ' + reach.filter((i) => nodes[i].s !== 0).map((i) => `${nodes[i].s} ${yname(i)}`).join(' + ').replace(/(.{200,}?) \+ /g, '$1\n + ') || ' obj: 0 ' + yname(reach[0]));
    out.push('Subject To');
    const inc = new Map();
    for (let v = 0; v < n; v++) inc.set(v, []);
    for (const e of edges) { inc.get(e[0]).push(e); inc.get(e[1]).push(e); }
    const sum = (es) => es.map(xname).join(' + ').replace(/(.{200,}?) \+ /g, '$1\n + ');
    for (const [ci, terms] of symmetryCuts.entries()) out.push(` sym${ci}: ${terms}`.replace(/(.{200,}?) ([+-]) /g, '$1\n $2 ') + ' >= 0');
    if (target !== null) out.push(' target: ' + reach.filter((i) => nodes[i].s !== 0).map((i) => `${nodes[i].s} ${yname(i)}`).join(' + ').replace(/(.{200,}?) \+ /g, '$1\n + ') + ` >= ${target}`);
    out.push(` deg0: ${sum(inc.get(0))} = 1`);
    out.push(` deg1: ${sum(inc.get(1))} = 1`);
    for (const i of reach) out.push(` deg${i}: ${sum(inc.get(i))} - 2 ${yname(i)} = 0`);
    out.push(' len: ' + edges.map((e) => `${fmt(d(e[0], e[1]))} ${xname(e)}`).join(' + ').replace(/(.{200,}?) \+ /g, '$1\n + ') + ` <= ${fmt(Lsolve)}`);
    let k = 0;
    for (const e of edges) {
      for (const v of e) if (v >= 2) out.push(` lk${k++}: ${xname(e)} - ${yname(v)} <= 0`);
    }
    cuts.forEach((c, ci) => {
      if (c.cut) {
        // x(delta(S)) - 2 y_k >= 0  (equivalent to x(E(S)) <= y(S) - y_k given the degree equations)
        out.push(` sec${ci}: ${c.cut.map(xname).join(' + ')} - 2 ${yname(c.k)}`.replace(/(.{200,}?) ([+-]) /g, '$1\n $2 ') + ' >= 0');
        return;
      }
      const lhs = c.edges.map(xname);
      const ys = c.set.filter((v) => v !== c.k).map((v) => `- ${yname(v)}`);
      out.push(` sec${ci}: ${lhs.join(' + ')} ${ys.join(' ')}`.replace(/(.{200,}?) ([+-]) /g, '$1\n $2 ') + ' <= 0');
    });
    out.push('Binaries');
    for (const e of edges) out.push(' ' + xname(e));
    for (const i of reach) out.push(' ' + yname(i));
    out.push('End');
    writeFileSync(lpFile, out.join('\n') + '\n');
  }

  function components(chosen) {
    const adj = new Map();
    for (const [i, j] of chosen) {
      if (!adj.has(i)) adj.set(i, []);
      if (!adj.has(j)) adj.set(j, []);
      adj.get(i).push(j); adj.get(j).push(i);
    }
    const seen = new Set();
    const comps = [];
    for (const v of adj.keys()) {
      if (seen.has(v)) continue;
      const comp = []; const st = [v]; seen.add(v);
      while (st.length) { const u = st.pop(); comp.push(u); for (const w of adj.get(u)) if (!seen.has(w)) { seen.add(w); st.push(w); } }
      comps.push(comp);
    }
    return { comps, adj };
  }

  function pathOf(adj) {
    const path = [0];
    let prev = -1, cur = 0;
    while (cur !== 1) {
      const nx = adj.get(cur).find((w) => w !== prev);
      if (nx === undefined) throw new Error('broken path');
      prev = cur; cur = nx; path.push(cur);
    }
    return path;
  }

  function addSetCut(S, k) {
    const set = new Set(S);
    const key = [...S].sort((a, b) => a - b).join(',') + '|' + k;
    if (cutKeys.has(key)) return false;
    cutKeys.add(key);
    const inner = edges.filter((e) => set.has(e[0]) && set.has(e[1]));
    const cut = edges.filter((e) => set.has(e[0]) !== set.has(e[1]));
    if (cut.length < inner.length + S.length) cuts.push({ set: S, cut, k });
    else cuts.push({ set: S, edges: inner, k });
    return true;
  }

  // A generalized subtour cut is valid for ANY set of POIs, so a subtour found on a lattice
  // also yields cuts for its translates, rotations and reflections that land on POIs: the MIP
  // would otherwise find those one round at a time (the grid instances have dozens of each).
  const linear = [[1, 0, 0, 1], [0, -1, 1, 0], [-1, 0, 0, -1], [0, 1, -1, 0], [1, 0, 0, -1], [-1, 0, 0, 1], [0, 1, 1, 0], [0, -1, -1, 0]];
  function addImageCuts(sets) {
    let added = 0;
    for (const S of sets) {
      for (const [a, b, c, e] of linear) {
        const img = S.map((v) => [a * nodes[v].x + b * nodes[v].y, c * nodes[v].x + e * nodes[v].y]);
        for (const q of reach) {
          const tx = nodes[q].x - img[0][0], ty = nodes[q].y - img[0][1];
          const T = [];
          for (const [px, py] of img) {
            const v = poiAt(px + tx, py + ty);
            if (v === undefined) break;
            T.push(v);
          }
          if (T.length !== S.length) continue;
          for (const k of T) {
            if (added >= opts.maxImageCuts) return added;
            added += addSetCut(T, k) ? 1 : 0;
          }
        }
      }
    }
    return added;
  }

  // Root cutting-plane loop on the LP relaxation: separate fractional generalized subtour
  // cuts x(delta(S)) >= 2 y_k exactly by max-flow from k to the merged terminal {0,1}.
  function solveLp() {
    writeLp();
    if (existsSync(solFile)) rmSync(solFile);
    spawnSync(opts.cbc, [lpFile, '-threads', '1', '-initialSolve', '-solu', solFile], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const sol = readFileSync(solFile, 'utf8').split('\n');
    const vals = new Map();
    for (const l of sol.slice(1)) {
      const f = l.trim().split(/\s+/);
      if (f.length >= 3) vals.set(f[1], Number(f[2]));
    }
    const objM = /objective value\s+(-?[\d.eE+-]+)/.exec(sol[0]);
    return { vals, obj: objM ? Math.abs(Number(objM[1])) : NaN };
  }
  function minCut(cap, s, t) {
    // cap: n x n symmetric capacity matrix (Float64Array rows); returns [value, sourceSide]
    const f = cap.map((r) => Float64Array.from(r));
    let flow = 0;
    while (true) {
      const prev = new Int32Array(n).fill(-1); prev[s] = s;
      const q = [s];
      for (let h = 0; h < q.length && prev[t] < 0; h++) {
        const u = q[h];
        for (let v = 0; v < n; v++) if (prev[v] < 0 && f[u][v] > 1e-9) { prev[v] = u; q.push(v); }
      }
      if (prev[t] < 0) {
        const side = []; for (let v = 0; v < n; v++) if (prev[v] >= 0) side.push(v);
        return [flow, side];
      }
      let b = Infinity;
      for (let v = t; v !== s; v = prev[v]) b = Math.min(b, f[prev[v]][v]);
      for (let v = t; v !== s; v = prev[v]) { f[prev[v]][v] -= b; f[v][prev[v]] += b; }
      flow += b;
      if (flow > 2) return [flow, null];
    }
  }
  let lpRounds = 0;
  let lpBound = null;
  for (; lpRounds < opts.lpRounds && (Date.now() - t0) / 1000 < opts.timeLimit / 3; lpRounds++) {
    const { vals, obj } = solveLp();
    lpBound = obj;
    // node 0 and 1 merged: map 1 -> 0
    const cap = Array.from({ length: n }, () => new Float64Array(n));
    for (const e of edges) {
      const v = vals.get(xname(e)) ?? 0;
      if (v <= 0) continue;
      const a = e[0] === 1 ? 0 : e[0], b = e[1] === 1 ? 0 : e[1];
      cap[a][b] += v; cap[b][a] += v;
    }
    let added = 0;
    const ys = reach.map((k) => [k, vals.get(yname(k)) ?? 0]).filter(([, y]) => y > 1e-6).sort((a, b) => b[1] - a[1]);
    for (const [k, yk] of ys) {
      const [val, side] = minCut(cap, k, 0);
      if (side && val < 2 * yk - 1e-4) {
        // add the cut for every k' in S whose y is violated as well
        for (const [k2, y2] of ys) if (side.includes(k2) && val < 2 * y2 - 1e-4) added += addSetCut(side, k2) ? 1 : 0;
      }
    }
    process.stderr.write(`  [${label}] LP round ${lpRounds + 1}: LP bound ${obj.toFixed(3)}, +${added} cuts\n`);
    if (!added) break;
  }

  while (true) {
    const remaining = opts.timeLimit - (Date.now() - t0) / 1000;
    if (remaining <= 1) { status = 'time-limit'; break; }
    rounds++;
    writeLp();
    const cbcArgs = [lpFile, '-threads', '1', '-sec', String(Math.floor(remaining)), '-ratioGap', '0', '-allowableGap', '0'];
    if (best) {
      // MIP start from the best feasible path (feasible for every round's model)
      const onVars = new Set();
      for (let p = 0; p + 1 < best.path.length; p++) {
        const a = best.path[p], b = best.path[p + 1];
        const e = edges.find((e) => (e[0] === a && e[1] === b) || (e[0] === b && e[1] === a));
        onVars.add(xname(e));
        for (const v of [a, b]) if (v >= 2) onVars.add(yname(v));
      }
      const lines = ['Feasible - objective value ' + best.score];
      let idx = 0;
      for (const e of edges) lines.push(`${idx++} ${xname(e)} ${onVars.has(xname(e)) ? 1 : 0}`);
      for (const i of reach) lines.push(`${idx++} ${yname(i)} ${onVars.has(yname(i)) ? 1 : 0}`);
      writeFileSync(startFile, lines.join('\n') + '\n');
      cbcArgs.push('-mips', startFile);
    }
    cbcArgs.push('-solve', '-solu', solFile);
    if (existsSync(solFile)) rmSync(solFile);
    const r = spawnSync(opts.cbc, cbcArgs, { encoding: 'utf8', maxBuffer: 1 << 28 });
    const log = r.stdout || '';
    if (opts.keep) writeFileSync(join(work, `cbc-round${rounds}.log`), log);
    if (!existsSync(solFile)) throw new Error(`cbc produced no solution file\n${log.slice(-2000)}\n${r.stderr}`);
    const sol = readFileSync(solFile, 'utf8').split('\n');
    const head = sol[0];
    const objM = /objective value\s+(-?[\d.eE+-]+)/.exec(head);
    const obj = objM ? Math.abs(Number(objM[1])) : NaN;
    const optimal = /^Optimal/.test(head);
    const vals = new Map();
    for (const l of sol.slice(1)) {
      const f = l.trim().split(/\s+/);
      if (f.length >= 3) vals.set(f[1], Number(f[2]));
    }
    if (/^(Integer )?[Ii]nfeasible/.test(head.trim())) {
      // Without a target score the model always has a path within L (the checks above keep L sane),
      // so "infeasible" here means CBC failed, not a proof.
      if (target === null) throw new Error(`CBC reported the OP model infeasible in round ${rounds}; refusing to read that as a bound\n${log.slice(-2000)}`);
      status = `infeasible with score >= ${target} (round ${rounds})`;
      infeasible = true;
      if (!firstBoundBelow) firstBoundBelow = { round: rounds, bound: `< ${target}` };
      break;
    }
    if (!optimal) {
      // time limit (or other stop) in this round: best bound of this round is still a valid OP upper bound
      // last global bound printed by CBC (progress lines "best possible X" or final "Lower bound: X";
      // CBC works on -objective internally, hence the abs)
      const bps = [...log.matchAll(/(?:best possible|Lower bound:)\s*(-?[\d.]+(?:e[+-]?\d+)?)/gi)];
      const bp = bps.length ? bps[bps.length - 1] : null;
      const bpv = bp ? Math.abs(Number(bp[1])) : null;
      if (bpv !== null && Number.isFinite(bpv) && (upper === null || bpv < upper)) upper = bpv;
      status = `stopped in round ${rounds}: ${head.trim()}`;
      if (upper !== null && bksVal !== undefined && upper < bksVal && !firstBoundBelow) firstBoundBelow = { round: rounds, bound: upper };
      break;
    }
    const roundObj = Math.round(obj);
    if (upper === null || roundObj < upper) upper = roundObj; // optimum of a relaxation of the OP = valid upper bound
    if (bksVal !== undefined && roundObj < bksVal && !firstBoundBelow) firstBoundBelow = { round: rounds, bound: roundObj };
    const chosen = edges.filter((e) => (vals.get(xname(e)) ?? 0) > 0.5);
    const { comps, adj } = components(chosen);
    const path = pathOf(adj);
    const score = path.reduce((s, v) => s + (v >= 2 ? nodes[v].s : 0), 0);
    let len = 0;
    for (let p = 0; p + 1 < path.length; p++) len += d(path[p], path[p + 1]);
    if (len <= L && (!best || score > best.score)) best = { path, score, len };
    const sub = comps.filter((c) => !c.includes(0) && !c.includes(1));
    process.stderr.write(`  [${label}] round ${rounds}: obj ${roundObj}, path score ${score}, ${sub.length} subtour(s), ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
    if (!sub.length) {
      status = 'optimal';
      best = { path, score, len };
      break;
    }
    let added = 0;
    for (const S of sub) for (const k of S) added += addSetCut(S, k) ? 1 : 0;
    if (opts.images) added += addImageCuts(sub);
    process.stderr.write(`  [${label}] round ${rounds}: +${added} cuts (${cuts.length} in all)\n`);
  }
  const secs = (Date.now() - t0) / 1000;
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
  return { target, infeasible, lpRounds, lpBound, n: reach.length, edges: edges.length, cuts: cuts.length, rounds, status, upper, best, secs, firstBoundBelow, work };
}

const bks = loadBks(opts.bks);
console.log(`# op-upper-bound: solver CBC ${cbcVersion()}, tolerance ${opts.tolerance}, margin ${opts.margin}, mode ${opts.tmax ? 'L=Tmax' : 'L=sum(Td)+D*tol'}, time limit ${opts.timeLimit}s per instance`);
for (const f of files) {
  try {
    report(f);
  } catch (e) {
    // A failed CBC run is reported and the other files still run; the exit code says so.
    console.error(`op-upper-bound: ${f}: ${e.message}`);
    process.exitCode = 1;
  }
}

function report(f) {
  const inst = instances.get(f);
  const key = `${basename(dirname(f))}/${basename(f).replace(/\.ophs$/, '')}`;
  const stated = bks.get(key);
  const sumTd = inst.Td.reduce((a, b) => a + b, 0);
  const L = opts.tmax ? inst.Tmax : sumTd + inst.D * opts.tolerance;
  const res = solveOP(inst, L, key, stated);
  const exact = res.status === 'optimal';
  let verdict;
  if (res.infeasible) verdict = 'PROVEN-UNREACHABLE';
  else if (res.target !== null && exact) verdict = `REACHABLE-IN-OP (path with score ${res.best.score} >= ${stated} found)`;
  else if (res.target !== null) verdict = 'UNDECIDED (time limit)';
  else if (stated === undefined) verdict = 'NO-STATED-OPTIMUM';
  else if (res.upper !== null && res.upper < stated) verdict = 'PROVEN-UNREACHABLE';
  else if (exact && res.upper >= stated) verdict = 'not-excluded (OP optimum >= stated)';
  else verdict = 'UNDECIDED (time limit)';
  const pathStr = res.best ? res.best.path.map((v) => (v < 2 ? `H${v}` : `${v - 2}`)).join('-') : '-';
  console.log(
    `${key}  L=${L.toFixed(6)}  ` +
      (res.target !== null ? `question="OP path with score >= ${res.target} and length <= L?" answer=${res.infeasible ? 'NO (MIP infeasible)' : exact ? 'YES' : 'unknown'}` : `OP${exact ? '-optimum' : '-upper-bound'}=${res.upper}`) +
      `  best-path-score=${res.best ? res.best.score : '-'} len=${res.best ? res.best.len.toFixed(9) : '-'}` +
      `  stated=${stated ?? '-'}  ${verdict}  lp-rounds=${res.lpRounds} lp-bound=${res.lpBound?.toFixed(3)} mip-rounds=${res.rounds} cuts=${res.cuts} pois=${res.n} edges=${res.edges}` +
      `  time=${res.secs.toFixed(1)}s  status=${res.status}` +
      (res.firstBoundBelow ? `  (bound < stated already in round ${res.firstBoundBelow.round})` : '') +
      `\n    path (POI indices 0-based in file order, H0=start H1=end): ${pathStr}`
  );
}
