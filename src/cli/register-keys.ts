import type { Command } from 'commander';
import type { Effects } from './effects.js';
import { action } from './action.js';
import { examples } from './help.js';

/** `keys init|rotate|export`: signing keys and the verifiers' trust file. */
export function register(program: Command, effects: Effects): void {
  const keys = program
    .command('keys')
    .description('signing keys and the verifiers\' trust file')
    .addHelpText('after', examples([['yangtze keys init', 'once, before the first pass is issued']]));
  keys
    .command('init')
    .description('create the signing key and the trust file under --home')
    .option('--force', 'replace existing keys (passes signed so far will no longer verify)')
    .addHelpText('after', examples([['yangtze --home /srv/yangtze keys init', 'keys and trust file under that home']]))
    .option('--json', 'print a JSON document')
    .action(action(async (ctx, opts) => (await import('../commands/keys-init.js')).keysInit(ctx, opts as { force?: boolean }), effects));
  keys
    .command('rotate')
    .description('add a new signing key; old public keys stay trusted')
    .addHelpText('after', examples([['yangtze keys rotate && yangtze keys export > trust.json', 'then give the gates the new trust file']]))
    .option('--json', 'print a JSON document')
    .action(action(async (ctx) => (await import('../commands/keys-rotate.js')).keysRotate(ctx), effects));
  keys
    .command('compromise')
    .description('declare a key leaked: gates refuse its tokens except the passes in the ledger, and its revocation lists')
    .argument('<keyId>', 'the key id, as in trust.json')
    .option('--since <timestamp>', 'grandfather only passes the ledger recorded before this time (ISO 8601, e.g. 2026-05-12T09:00:00+08:00)')
    .option('--json', 'print a JSON document')
    .addHelpText('after', examples([
      ['yangtze keys compromise k20260501-… --since 2026-05-12T09:00:00+08:00', 'passes recorded before then still admit'],
      ['yangtze keys export > trust.json && yangtze pass revocations export -o revoked.json', 'then: both to every gate (a new key is made if it was the active one)'],
    ]))
    .action(
      action(async (ctx, opts, args) => (await import('../commands/keys-compromise.js')).keysCompromise(ctx, args[0]!, opts as { since?: string }), effects),
    );
  keys
    .command('export')
    .description('write the trust file (public keys) to stdout')
    .addHelpText('after', examples([['yangtze keys export > trust.json', 'for offline gates (pass verify --trust trust.json)']]))
    .action(action(async (ctx) => (await import('../commands/keys-export.js')).keysExport(ctx), effects));
}
