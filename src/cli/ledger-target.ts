/**
 * Which ledger a command uses: `--ledger postgresql://…`, else
 * YANGTZE_LEDGER_URL, else the SQLite file under the home (no server). Every
 * command that touches the ledger (pass issue/redeem/revoke/refund/reconcile/
 * export/revocations, gate …) takes its target from here.
 */
import type { LedgerTarget } from '../io/ledger/ledger-port.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';

export async function ledgerTargetOf(ctx: CliContext): Promise<LedgerTarget> {
  const { busyTimeoutFromEnv } = await import('../io/ledger/sqlite-open.js');
  const { isPostgresUrl } = await import('../io/ledger/open-ledger.js');
  const flag = ctx.globals.ledger;
  const env = ctx.effects.env.YANGTZE_LEDGER_URL;
  const url = flag ?? (env === '' ? undefined : env);
  const source = flag !== undefined ? '--ledger' : 'YANGTZE_LEDGER_URL';
  if (url !== undefined && !isPostgresUrl(url)) {
    throw new UsageError(
      `${source}: expected a PostgreSQL URL (postgresql://user@host:5432/db), got "${url.replace(/:[^:@/]*@/, ':***@')}"`,
      'Leave it out to use the SQLite ledger under --home.',
    );
  }
  const busy = ctx.effects.env.YANGTZE_LEDGER_BUSY_MS;
  // A typo here would silently wait the default instead of what the operator set.
  if (busy !== undefined && busy !== '' && !/^\s*\d+\s*$/.test(busy)) {
    throw new UsageError(`YANGTZE_LEDGER_BUSY_MS: "${busy}" is not whole milliseconds`, 'e.g. YANGTZE_LEDGER_BUSY_MS=10000 (the default), or leave it unset.');
  }
  return { home: ctx.home, busyTimeoutMs: busyTimeoutFromEnv(ctx.effects.env), ...(url !== undefined ? { ledgerUrl: url } : {}) };
}
