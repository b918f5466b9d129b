/**
 * `pass verify` throughput in one process, and token sizes.
 * Run: npx tsc -p tsconfig.json && node dist/bench/verify.js [N]
 *
 * 1. verifyToken() on N distinct tokens (the gate's inner loop);
 * 2. the whole `yangtze pass verify - --json` command on the same N tokens read
 *    from stdin (trust file, revocation list, parsing, one JSON line per token);
 * 3. token length and the QR code version at error correction M.
 * Prints Markdown for bench/results/verify.md.
 */
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import type { Effects } from '../src/cli/effects.js';
import { runCli } from '../src/cli/program.js';
import { signRevocationList } from '../src/domain/passes/revocation-list.js';
import { encodeToken, type PassClaims } from '../src/domain/passes/token.js';
import type { TrustFile } from '../src/domain/passes/trust-file.js';
import { verifyToken } from '../src/domain/passes/verify-token.js';

const n = Number(process.argv[2] ?? 20_000);
const keyId = 'k20260501-bench0';
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
  idHash: 'Q2hhbmdlZEJ5QmVuY2gwMA',
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

// 1. the pure check
for (let i = 0; i < 2000; i++) verifyToken(tokens[i % n]!, trust, { date: '2026-05-13' }); // warm-up
let t = performance.now();
let valid = 0;
for (const token of tokens) if (verifyToken(token, trust, { date: '2026-05-13', at: 'east-lake', revoked }).valid) valid++;
const pureMs = performance.now() - t;

// baseline: bare Ed25519 verification of the same signed bytes, the floor of any verifier
const signedBytes = Buffer.from(tokens[0]!.slice(0, tokens[0]!.indexOf('.')), 'ascii');
const sig = sign(null, signedBytes, privateKey);
t = performance.now();
for (let i = 0; i < n; i++) verify(null, signedBytes, publicKey, sig);
const bareMs = performance.now() - t;

// 2. the whole command, stdin to stdout
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
await runCli(['pass', 'verify', '-', '--json', '--at', 'east-lake'], effects); // warm-up: module loading
outBytes = 0;
t = performance.now();
const code = await runCli(['pass', 'verify', '-', '--json', '--at', 'east-lake'], effects);
const cliMs = performance.now() - t;

// 3. sizes
const lengths = tokens.map((s) => s.length).sort((a, b) => a - b);
const qr = QRCode.create(tokens[0]!, { errorCorrectionLevel: 'M' });

const perSec = (ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
console.log(`| tokens | ${n.toLocaleString('en-US')} (${valid} valid; ${n - valid} revoked) |`);
console.log(`| bare Ed25519 verify (node:crypto, baseline) | ${bareMs.toFixed(0)} ms, ${perSec(bareMs)} /s |`);
console.log(`| verifyToken() | ${pureMs.toFixed(0)} ms, **${perSec(pureMs)} tokens/s** |`);
console.log(`| \`pass verify - --json\` (whole command, exit ${code}, ${outBytes.toLocaleString('en-US')} bytes out) | ${cliMs.toFixed(0)} ms, **${perSec(cliMs)} tokens/s** |`);
console.log(`| token length | min ${lengths[0]}, median ${lengths[Math.floor(n / 2)]}, max ${lengths.at(-1)} characters |`);
console.log(`| QR code (error correction M, byte mode) | version ${qr.version} (${qr.modules.size}×${qr.modules.size} modules) |`);
console.log(`| machine | ${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}, ${process.platform}, load average ${loadavg()[0]!.toFixed(1)} |`);
