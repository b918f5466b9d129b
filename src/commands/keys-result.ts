/** What `keys init`, `keys rotate` and `keys compromise` print: the active key id and where things are; never a private key. */
import type { CliContext } from '../cli/context.js';
import { toJson } from '../cli/output.js';
import type { KeysResult } from '../io/keys.js';

export function renderKeysResult(ctx: CliContext, verb: 'created' | 'rotated' | 'compromised', r: KeysResult & { compromised?: string; grandfathered?: number }): void {
  if (ctx.out.view === 'json') {
    const compromise = r.compromised !== undefined ? { compromised: r.compromised, grandfathered: r.grandfathered ?? 0 } : {};
    ctx.out.result(toJson({ schemaVersion: 1, kind: 'yangtze.keys', action: verb, keyId: r.keyId, trustFile: r.trustPath, retired: r.retired, ...compromise }));
  } else if (ctx.out.view === 'pipe') {
    ctx.out.result(`${r.keyId}\t${r.trustPath}\n`);
  } else {
    const retired =
      r.compromised !== undefined
        ? `\ncompromised: ${r.compromised}; ${r.grandfathered ?? 0} pass(es) from the ledger stay valid, every other token it signed is refused`
        : r.retired.length > 0
          ? `\nretired (still trusted for the passes they signed; private keys deleted): ${r.retired.join(', ')}`
          : '';
    const head = r.compromised !== undefined ? `signing key ${ctx.out.style.bold(r.keyId)} is active` : `${verb} signing key ${ctx.out.style.bold(r.keyId)}`;
    ctx.out.result(`${head}\ntrust file: ${r.trustPath}${retired}`);
    ctx.out.info(r.compromised !== undefined || r.retired.length > 0 ? 'copy the new trust file to every gate now: `yangtze keys export > trust.json`' : 'share the trust file with gates: `yangtze keys export > trust.json` (it holds public keys only)');
  }
}
