/**
 * `pass verify` throughput in one process, and token sizes.
 * Run: npx tsc -p tsconfig.json && node dist/bench/verify.js [N] [ROUNDS]
 *
 * Each round measures, one after the other on the same N distinct tokens:
 * 0. bare Ed25519 verification of one signed message (node:crypto), the floor
 *    of any single-threaded verifier;
 * 1. verifyToken() (the gate's inner loop, one token at a time);
 * 2. verifyTokenAsync() on all N, 64 in flight (signatures in the thread pool);
 * 3. the whole `yangtze pass verify - --json` command on the N tokens from
 *    stdin (trust file, revocation list, one JSON line per token).
 * Rounds interleave the measures so that load from other processes hits them
 * alike; the table gives the best and the median round. Then token length and
 * the QR code version at error correction M. Prints Markdown for bench/results/verify.md.
 */
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import type { Effects } from '../src/cli/effects.js';
import { runCli } from '../src/cli/program.js';
import { signRevocationList } from '../src/domain/passes/revocation-list.js';
import { keyedIdHash } from '../src/domain/passes/id-hash.js';
import { encodeToken, type PassClaims } from '../src/domain/passes/token.js';
import type { TrustFile } from '../src/domain/passes/trust-file.js';
import { verifyToken, verifyTokenAsync } from '../src/domain/passes/verify-token.js';

const n = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 3);
const keyId = 'k20260501-bench0';
const idKey = new Uint8Array(32).fill(3);
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const signer = { keyId, sign: (d: Uint8Array) => new Uint8Array(sign(null, d, privateKey)) };
const trust: TrustFile = {
  schemaVersion: 1,
  kind: 'yangtze.trust',
  keys: [{ keyId, algorithm: 'Ed25519', publicKey: publicKey.export({ format: 'jwk' }).x!, createdAt: '2026-05-01T09:00:00+08:00' }],
};
const attractions = ['east-lake', 'guiyuan-temple', 'hubei-provincial-museum', 'wuhan-revolution-museum', 'yellow-crane-tower'];
const claims = (i: number): PassClaims => ({
  passId: `YZ-${i.toString(36).toUpperCase().padStart(10, '0')}`,
  keyId,
  product: 'wuhan-culture-pass',
  holder: ['Li Wei', 'Wang Fang', 'Zhang Min', '陈静'][i % 4]!,
  category: i % 5 === 0 ? 'child' : 'adult',
  idHash: keyedIdHash(`4201061990${String(i).padStart(8, '0')}`, 'c2FsdHNhbHQ', idKey),
  idSalt: 'c2FsdHNhbHQ',
  attractions,
  validFrom: '2026-05-12',
  validUntil: '2026-06-10',
  kind: 'consecutive-days',
  starts: 'first-use',
  days: 3,
  entries: 'once',
  blackout: [{ from: '2026-10-01', to: '2026-10-07' }],
  issuedAt: '2026-05-10',
  booking: `BK${1000 + i}`,
});
const tokens = Array.from({ length: n }, (_, i) => encodeToken(claims(i), signer.sign));
const revoked = signRevocationList(tokens.slice(0, 100).map((_, i) => claims(i * 7).passId), '2026-05-12T08:00:00+08:00', signer);

const home = mkdtempSync(path.join(tmpdir(), 'yangtze-bench-verify-'));
writeFileSync(path.join(home, 'trust.json'), JSON.stringify(trust));
mkdirSync(path.join(home, 'revocations'));
writeFileSync(path.join(home, 'revocations', 'latest.json'), JSON.stringify(revoked));
let outBytes = 0;
const effects: Effects = {
  stdout: { write: (s: string) => (outBytes += s.length) },
  stderr: { write: () => true },
  stdinIsTTY: false,
  env: { YANGTZE_HOME: home },
  cwd: process.cwd(),
  now: () => Date.parse('2026-05-13T10:00:00+08:00'),
  monotonicMs: () => performance.now(),
  readStdin: async () => tokens.join('\n') + '\n',
};
const opts = { date: '2026-05-13', at: 'east-lake', revoked };
const signedBytes = Buffer.from(tokens[0]!.slice(0, tokens[0]!.indexOf('.')), 'ascii');
const sig = sign(null, signedBytes, privateKey);

// warm-up: JIT, module loading, key objects
for (let i = 0; i < 2000; i++) verifyToken(tokens[i % n]!, trust, opts);
let code = await runCli(['pass', 'verify', '-', '--json', '--at', 'east-lake'], effects);

const times: Record<'bare' | 'sync' | 'async' | 'cli', number[]> = { bare: [], sync: [], async: [], cli: [] };
let valid = 0;
for (let r = 0; r < rounds; r++) {
  let t = performance.now();
  for (let i = 0; i < n; i++) verify(null, signedBytes, publicKey, sig);
  times.bare.push(performance.now() - t);

  t = performance.now();
  valid = 0;
  for (const token of tokens) if (verifyToken(token, trust, opts).valid) valid++;
  times.sync.push(performance.now() - t);

  t = performance.now();
  const pending: Promise<unknown>[] = [];
  for (const token of tokens) {
    pending.push(verifyTokenAsync(token, trust, opts));
    if (pending.length >= 64) await pending.shift();
  }
  await Promise.all(pending);
  times.async.push(performance.now() - t);

  outBytes = 0;
  t = performance.now();
  code = await runCli(['pass', 'verify', '-', '--json', '--at', 'east-lake'], effects);
  times.cli.push(performance.now() - t);
}

// 3. sizes
const lengths = tokens.map((s) => s.length).sort((a, b) => a - b);
const qr = QRCode.create(tokens[0]!, { errorCorrectionLevel: 'M' });

const perSec = (ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
const best = (ms: number[]) => Math.min(...ms);
const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
const row = (label: string, ms: number[]) => console.log(`| ${label} | **${perSec(best(ms))} /s** | ${perSec(median(ms))} /s |`);
console.log(`| ${n.toLocaleString('en-US')} tokens (${valid} valid, ${n - valid} revoked), ${rounds} rounds | best round | median round |`);
console.log('|---|---|---|');
row('bare Ed25519 verify, one thread (node:crypto floor)', times.bare);
row('`verifyToken()`, one at a time', times.sync);
row('`verifyTokenAsync()`, 64 in flight', times.async);
row(`whole \`pass verify - --json\` (exit ${code}, ${outBytes.toLocaleString('en-US')} bytes out)`, times.cli);
console.log(`| token length | min ${lengths[0]}, median ${lengths[Math.floor(n / 2)]}, max ${lengths.at(-1)} characters |`);
console.log(`| QR code (error correction M, byte mode) | version ${qr.version} (${qr.modules.size}×${qr.modules.size} modules) |`);
console.log(`| machine | ${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}, ${process.platform}, load average ${loadavg()[0]!.toFixed(1)} |`);
