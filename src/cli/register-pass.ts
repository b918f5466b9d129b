import type { Command } from 'commander';
import type { Effects } from './effects.js';
import { action } from './program.js';
import { registerLedgerCommands } from './register-pass-ledger.js';

export function register(program: Command, effects: Effects): void {
  const pass = program.command('pass').description('one-ticket passes: products, quotes, issue, verify, redeem');
  pass
    .command('products')
    .description('the pass products in the catalogue')
    .option('--json', 'print a JSON document')
    .action(action(async (ctx) => (await import('../commands/pass-products.js')).passProducts(ctx), effects));
  pass
    .command('quote')
    .description('cheapest bundle of passes and single tickets for an itinerary and party')
    .argument('<plan>', 'itinerary JSON from `yangtze plan --json`')
    .option('--party <list>', 'who travels, e.g. adult=2,child=1 (default: the party in the plan)')
    .option('--json', 'print a JSON document')
    .action(
      action(async (ctx, opts, args) => (await import('../commands/pass-quote.js')).passQuote(ctx, args[0]!, opts as { party?: string }), effects),
    );
  pass
    .command('verify')
    .description('offline check of a pass token; `-` reads one token per line from stdin')
    .argument('<token>', 'a YZ1: token, or - for stdin')
    .option('--trust <file>', 'trust file of public keys (default: trust.json under --home)')
    .option('--revoked <file>', 'signed revocation list (default: the latest under --home, if any)')
    .option('--at <attraction>', 'the attraction of this gate')
    .option('--date <date>', 'the gate date, YYYY-MM-DD (default: today in Asia/Shanghai)')
    .option('--id-number <n>', 'the ID number shown at the gate, checked against the pass (needs the issuer\'s ID key under --home; docs/PASSES.md)')
    .option('--json', 'print JSON (one line per token when reading -)')
    .action(action(async (ctx, opts, args) => (await import('../commands/pass-verify.js')).passVerify(ctx, args[0]!, opts), effects));
  registerLedgerCommands(pass, effects);
}
