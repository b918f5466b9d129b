import type { Command } from 'commander';
import type { Effects } from './effects.js';

/** `pass issue|redeem|revoke|refund|export|reconcile|revocations`: the commands that use the ledger. */
export function registerLedgerCommands(pass: Command, effects: Effects): void {
  void pass;
  void effects;
}
