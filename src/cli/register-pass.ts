import type { Command } from 'commander';
import type { Effects } from './effects.js';
import { action } from './action.js';
import { examples } from './help.js';
import { registerLedgerCommands } from './register-pass-ledger.js';

export function register(program: Command, effects: Effects): void {
  const pass = program
    .command('pass')
    .description('one-ticket passes: products, quotes, issue, verify, redeem')
    .addHelpText('after', examples([
      ['yangtze pass quote plan.json', 'what the party should buy'],
      ['yangtze pass issue --plan plan.json --holder "Li Wei"', 'sign and record a pass'],
      ['yangtze pass verify YZ1:…', 'check a token offline'],
    ]));
  pass
    .command('products')
    .description('the pass products in the catalogue')
    .option('--json', 'print a JSON document')
    .addHelpText('after', examples([['yangtze pass products', 'names, validity and prices per rider category']]))
    .action(action(async (ctx) => (await import('../commands/pass-products.js')).passProducts(ctx), effects));
  pass
    .command('quote')
    .description('cheapest bundle of passes and single tickets for an itinerary and party')
    .argument('<plan>', 'itinerary JSON from `yangtze plan --json`')
    .option('--party <list>', 'who travels, e.g. adult=2,child=1 (default: the party in the plan)')
    .option('--json', 'print a JSON document')
    .addHelpText('after', examples([
      ['yangtze pass quote plan.json', 'the cheapest bundle for the plan\'s party'],
      ['yangtze pass quote plan.json --party adult=2,senior=1 --json', 'another party, as data'],
    ]))
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
    .addHelpText('after', examples([
      ['yangtze pass verify YZ1:… --at yellow-crane-tower', 'valid here today? (exit 1 if not)'],
      ['yangtze pass verify - --trust trust.json < tokens.txt', 'many tokens, offline'],
    ]))
    .action(action(async (ctx, opts, args) => (await import('../commands/pass-verify.js')).passVerify(ctx, args[0]!, opts), effects));
  registerLedgerCommands(pass, effects);
}
