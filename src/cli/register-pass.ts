import type { Command } from 'commander';
import type { Effects } from './effects.js';
import { registerLedgerCommands } from './register-pass-ledger.js';

export function register(program: Command, effects: Effects): void {
  const pass = program.command('pass').description('one-ticket passes: products, quotes, issue, verify, redeem');
  registerLedgerCommands(pass, effects);
}
