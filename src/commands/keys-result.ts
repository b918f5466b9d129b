/** What `keys init` and `keys rotate` print: the new key id and where things are; never a private key. */
import type { CliContext } from '../cli/context.js';
import { toJson } from '../cli/output.js';
import type { KeysResult } from '../io/keys.js';

export function renderKeysResult(ctx: CliContext, verb: 'created' | 'rotated', r: KeysResult): void {
  if (ctx.out.view === 'json') {
    ctx.out.result(toJson({ schemaVersion: 1, kind: 'yangtze.keys', action: verb, keyId: r.keyId, trustFile: r.trustPath, retired: r.retired }));
  } else if (ctx.out.view === 'pipe') {
    ctx.out.result(`${r.keyId}\t${r.trustPath}\n`);
  } else {
    const retired = r.retired.length > 0 ? `\nretired (still trusted for passes they signed): ${r.retired.join(', ')}` : '';
    ctx.out.result(`${verb} signing key ${ctx.out.style.bold(r.keyId)}\ntrust file: ${r.trustPath}${retired}`);
    ctx.out.info('share the trust file with gates: `yangtze keys export > trust.json` (it holds public keys only)');
  }
}
