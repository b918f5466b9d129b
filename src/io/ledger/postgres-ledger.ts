/**
 * The PostgreSQL adapter of the ledger port (`--ledger postgresql://…`,
 * YANGTZE_LEDGER_URL): the SQLite ledger's tables and constraints in one
 * database, shared by agency desks and online gates on many machines.
 *
 * Exactly once, from any number of connections: every entry, revocation and
 * refund runs in a READ COMMITTED transaction that first locks the pass's row
 * (`SELECT … FOR UPDATE`, a statement of its own), then reads the pass's
 * revocation and entries. Each READ COMMITTED statement sees everything
 * committed before it began, and the lock is only granted once the previous
 * holder committed, so the reads see every earlier entry; decideEntry then
 * decides as the SQLite ledger does under its write lock. The UNIQUE
 * constraints (pass_id, attraction, day_key), (pass_id, credit) and
 * (pass_id, day) are the backstop: a violation is a refusal, never a second
 * entry. Serialization failures and deadlocks (a server run at SERIALIZABLE,
 * two reconciles locking passes in different orders) are retried whole.
 *
 * The driver (node-postgres, README "Dependencies") is imported only here,
 * and this module only when a PostgreSQL ledger is asked for.
 */
import type { Pool, PoolClient, QueryResult } from 'pg';
import type { IsoDate } from '../../domain/catalogue/model.js';
import { admitted, alreadyMerged, entryOfScan, mergedNow, planEntry, planRevocation, refusedByConstraint, type StoredEntry, type StoredRevocation } from './entry-plan.js';
import { GATE_COLUMNS, gateFromRow, type GateRow } from './gate-row.js';
import { GateExists, LedgerNotFound, newerLedger } from './ledger-error.js';
import { bookingKey, passFromRow, PASS_COLUMNS, type LedgerPass, type PassRow } from './ledger-pass.js';
import type {
  BookingKey,
  EntryOutcome,
  EntryRequest,
  GateRecord,
  InsertOutcome,
  Ledger,
  MergedScan,
  NewGate,
  OpenLedgerOptions,
  PassEntry,
  RevokeKind,
  RevokeOutcome,
  ScanRedemption,
  ScanToMerge,
} from './ledger-port.js';
import { isRetryable, isUniqueViolation, postgresFailure, redactedUrl } from './postgres-failure.js';
import { MIGRATION_LOCK_KEY, PG_MIGRATIONS, PG_SCHEMA_VERSION } from './postgres-migrations.js';
import { scanRedemptionOf, type ScanRow } from './scan-row.js';

export interface OpenPostgresOptions extends OpenLedgerOptions {
  /** lock_timeout: how long a writer waits for another's lock on a pass (default 10 s). */
  readonly busyTimeoutMs?: number;
}

const passColumnList = PASS_COLUMNS.split(', ');
/** Rows per INSERT: 23 columns × 1,000 rows stays under PostgreSQL's 65,535 parameters. */
const pageRows = 1000;
const maxAttempts = 8;
const BEGIN = 'BEGIN ISOLATION LEVEL READ COMMITTED';

export async function openPostgresLedger(url: string, options: OpenPostgresOptions = {}): Promise<PostgresLedger> {
  const location = redactedUrl(url);
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.connections ?? 4,
    connectionTimeoutMillis: 10_000,
    lock_timeout: options.busyTimeoutMs ?? 10_000,
    application_name: 'yangtze',
  });
  // A connection the server closed (restart, failover) emits 'error' whether it is idle in the pool or
  // checked out; the query under way has already been rejected and the pool drops the client, so the
  // event carries nothing more, but without a listener node would end the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const ledger = new PostgresLedger(pool, location);
  try {
    await ledger.prepare(options.create ?? false);
  } catch (error) {
    await pool.end();
    throw postgresFailure(error, location, false);
  }
  return ledger;
}

export class PostgresLedger implements Ledger {
  readonly backend = 'postgresql' as const;

  constructor(
    private readonly pool: Pool,
    readonly location: string,
  ) {}

  /** Applies missing migrations; without `create`, a database with no ledger is refused, untouched. */
  async prepare(create: boolean): Promise<void> {
    const version = await this.readVersion();
    if (version === undefined && !create) throw new LedgerNotFound(this.location);
    if (version !== undefined && version > PG_SCHEMA_VERSION) throw newerLedger(this.location, version, PG_SCHEMA_VERSION);
    if (version !== undefined && version === PG_SCHEMA_VERSION) return;
    await this.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      // Read again under the lock: another process may have migrated meanwhile.
      const now = Number((await c.query<{ v: number }>('SELECT coalesce(max(version), 0) AS v FROM schema_migrations')).rows[0]!.v);
      if (now > PG_SCHEMA_VERSION) throw newerLedger(this.location, now, PG_SCHEMA_VERSION);
      for (let v = now + 1; v <= PG_SCHEMA_VERSION; v++) {
        await c.query(PG_MIGRATIONS[v - 1]!);
        await c.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v]);
      }
    });
  }

  /** undefined: no ledger in this database (no schema_migrations table). */
  private async readVersion(): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
    if (rows[0]!.t === null) return undefined;
    return Number((await this.pool.query<{ v: number }>('SELECT coalesce(max(version), 0) AS v FROM schema_migrations')).rows[0]!.v);
  }

  /**
   * One READ COMMITTED transaction on a connection of its own, run again on a
   * serialization failure or deadlock (nothing of a failed attempt is kept).
   */
  private transaction<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    return this.retried(async (c) => {
      await c.query(BEGIN);
      const result = await fn(c);
      await c.query('COMMIT');
      return result;
    });
  }

  /** A connection for `fn`, which begins and commits its transaction itself; rolled back and run again as `transaction`. */
  private async retried<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.pool.connect();
      let broken: Error | undefined;
      try {
        return await fn(c);
      } catch (error) {
        await c.query('ROLLBACK').catch((e: Error) => (broken = e));
        if (isRetryable(error) && attempt < maxAttempts) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
          continue;
        }
        throw error;
      } finally {
        c.release(broken);
      }
    }
  }

  /** Runs a request and words failures of the database (unreachable, locked, read-only). */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw postgresFailure(error, this.location, true);
    }
  }

  async schemaVersion(): Promise<number> {
    return this.guard(async () => (await this.readVersion()) ?? 0);
  }

  issuedBookingKeys(keys: readonly BookingKey[]): Promise<Set<string>> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<BookingKey>(
        `SELECT p.booking, p.holder, p.traveller, p.product FROM passes p
         JOIN unnest($1::text[], $2::text[], $3::integer[], $4::text[]) AS k (booking, holder, traveller, product)
           ON p.booking = k.booking AND p.holder = k.holder AND p.traveller = k.traveller AND p.product = k.product`,
        [keys.map((k) => k.booking), keys.map((k) => k.holder), keys.map((k) => k.traveller), keys.map((k) => k.product)],
      );
      return new Set(rows.map(bookingKey));
    });
  }

  insertPasses(rows: readonly PassRow[]): Promise<InsertOutcome> {
    return this.guard(() =>
      this.transaction(async (c) => {
        const inserted = new Set<string>();
        for (let i = 0; i < rows.length; i += pageRows) {
          const page = rows.slice(i, i + pageRows);
          const values: unknown[] = [];
          const tuples = page.map((row) => {
            const first = values.length;
            for (const column of passColumnList) values.push(row[column as keyof PassRow]);
            return `(${passColumnList.map((_, j) => `$${first + j + 1}`).join(', ')})`;
          });
          const result = await c.query<{ id: string }>(
            `INSERT INTO passes (${PASS_COLUMNS}) VALUES ${tuples.join(', ')} ON CONFLICT (booking, holder, traveller, product) DO NOTHING RETURNING id`,
            values,
          );
          for (const r of result.rows) inserted.add(r.id);
        }
        return { inserted: rows.filter((r) => inserted.has(r.id)), skipped: rows.filter((r) => !inserted.has(r.id)) };
      }),
    );
  }

  recordEntry(req: EntryRequest): Promise<EntryOutcome> {
    return this.guard(async () => {
      try {
        // Two round trips: "BEGIN; lock; read" and "write; COMMIT" (see recordEntryIn).
        return await this.retried((c) => recordEntryIn(c, req, { open: BEGIN, close: 'COMMIT' }));
      } catch (error) {
        if (isUniqueViolation(error)) return refusedByConstraint(req);
        throw error;
      }
    });
  }

  revokePass(passId: string, kind: RevokeKind, reason: string, at: string): Promise<RevokeOutcome> {
    return this.guard(() =>
      this.transaction(async (c) => {
        // The pass's lock, as recordEntry takes it: a refund and a redemption of one pass run one after the other.
        const exists = (await c.query('SELECT 1 FROM passes WHERE id = $1 FOR UPDATE', [passId])).rowCount === 1;
        const existing = (await c.query<{ kind: RevokeKind; at: string }>('SELECT kind, at FROM revocations WHERE pass_id = $1', [passId])).rows[0];
        const used = (
          await c.query<{ n: number; attraction: string | null; day: string | null }>(
            'SELECT count(*)::integer AS n, min(attraction) AS attraction, min(day) AS day FROM redemptions WHERE pass_id = $1',
            [passId],
          )
        ).rows[0]!;
        const plan = planRevocation(exists, existing, used, kind);
        if (plan !== 'write') return plan;
        await c.query('INSERT INTO revocations (pass_id, kind, reason, at) VALUES ($1, $2, $3, $4)', [passId, kind, reason, at]);
        await c.query('UPDATE passes SET status = $1 WHERE id = $2', [kind, passId]);
        return { ok: true, passId, kind, at };
      }),
    );
  }

  revokedPassIds(): Promise<string[]> {
    return this.guard(async () => (await this.pool.query<{ pass_id: string }>('SELECT pass_id FROM revocations ORDER BY pass_id')).rows.map((r) => r.pass_id));
  }

  mergeGateScans(scans: readonly ScanToMerge[], mergedAt: string): Promise<MergedScan[]> {
    return this.guard(async () => {
      const results: MergedScan[] = [];
      for (let i = 0; i < scans.length; i += pageRows) {
        const chunk = scans.slice(i, i + pageRows);
        results.push(...(await this.transaction(async (c) => {
          const merged: MergedScan[] = [];
          for (const s of chunk) merged.push(await mergeScanIn(c, s, mergedAt));
          return merged;
        })));
      }
      return results;
    });
  }

  getPass(passId: string): Promise<LedgerPass | undefined> {
    return this.guard(async () => {
      const row = (await this.pool.query<PassRow>(`SELECT ${PASS_COLUMNS} FROM passes WHERE id = $1`, [passId])).rows[0];
      return row ? passFromRow(row) : undefined;
    });
  }

  entriesOf(passId: string): Promise<PassEntry[]> {
    return this.guard(async () => (await this.pool.query<PassEntry>('SELECT attraction, day, gate, at FROM redemptions WHERE pass_id = $1 ORDER BY day, id', [passId])).rows);
  }

  redemptionByScan(scanId: string): Promise<ScanRedemption | null> {
    return this.guard(async () => {
      const row = (await this.pool.query<ScanRow>('SELECT id, pass_id, attraction, day, at FROM redemptions WHERE scan_id = $1', [scanId])).rows[0];
      return row ? scanRedemptionOf(row) : null;
    });
  }

  async *iteratePasses(since?: IsoDate): AsyncGenerator<LedgerPass> {
    for await (const page of this.passPages(since)) yield* page;
  }

  /** Pages of 1,000 by (issued_at, seq) in one read-only REPEATABLE READ transaction: one consistent snapshot. */
  async *passPages(since?: IsoDate): AsyncGenerator<readonly LedgerPass[]> {
    const c = await this.guard(() => this.pool.connect());
    let broken: Error | undefined;
    let open = false;
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      open = true;
      let after: { issuedAt: string; seq: string } | undefined;
      for (;;) {
        const { rows } = await c.query<PassRow & { seq: string }>(
          `SELECT seq, ${PASS_COLUMNS} FROM passes
           WHERE issued_at >= $1 AND ($2::text IS NULL OR (issued_at, seq) > ($2, $3::bigint))
           ORDER BY issued_at, seq LIMIT ${pageRows}`,
          [since ?? '', after?.issuedAt ?? null, after?.seq ?? null],
        );
        if (rows.length > 0) yield rows.map(passFromRow);
        if (rows.length < pageRows) break;
        const last = rows[rows.length - 1]!;
        after = { issuedAt: last.issued_at, seq: last.seq };
      }
      await c.query('COMMIT');
      open = false;
    } catch (error) {
      broken = error as Error;
      throw postgresFailure(error, this.location, true);
    } finally {
      // A reader that stopped early (break) leaves the transaction open: end it before the connection goes back to the pool.
      if (open && !broken) await c.query('ROLLBACK').catch((e: Error) => (broken = e));
      c.release(broken);
    }
  }

  addGate(gate: NewGate): Promise<void> {
    return this.guard(async () => {
      try {
        await this.pool.query('INSERT INTO gates (id, attractions, secret_hash, created_at) VALUES ($1, $2, $3, $4)', [
          gate.id,
          gate.attractions.join(','),
          gate.secretHash,
          gate.createdAt,
        ]);
      } catch (error) {
        if (isUniqueViolation(error)) throw new GateExists(gate.id);
        throw error;
      }
    });
  }

  findGate(id: string): Promise<GateRecord | null> {
    return this.guard(async () => {
      const row = (await this.pool.query<GateRow>(`SELECT ${GATE_COLUMNS} FROM gates WHERE id = $1`, [id])).rows[0];
      return row ? gateFromRow(row) : null;
    });
  }

  revokeGate(id: string, at: string): Promise<boolean> {
    return this.guard(async () => (await this.pool.query('UPDATE gates SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])).rowCount === 1);
  }

  listGates(): Promise<GateRecord[]> {
    return this.guard(async () => (await this.pool.query<GateRow>(`SELECT ${GATE_COLUMNS} FROM gates ORDER BY id`)).rows.map(gateFromRow));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * An entry: lock the pass, then read (a statement of its own: see the header), decide, write. The
 * statements go as two query strings, "open; lock; read" and "write; close", so an entry costs two
 * round trips to the server, not five: `open`/`close` are BEGIN/COMMIT for recordEntry, and
 * SAVEPOINT/RELEASE inside reconcile's transaction. A multi-statement string cannot carry
 * parameters, so values go in as literals, quoted by the driver (escapeLiteral).
 */
async function recordEntryIn(c: PoolClient, req: EntryRequest, around: { open: string; close: string }): Promise<EntryOutcome> {
  const id = c.escapeLiteral(req.passId);
  const [, locked, read] = (await c.query(
    `${around.open};
     SELECT ${PASS_COLUMNS} FROM passes WHERE id = ${id} FOR UPDATE;
     SELECT (SELECT json_build_object('kind', kind, 'reason', reason, 'at', at) FROM revocations WHERE pass_id = ${id}) AS revocation,
            coalesce((SELECT json_agg(json_build_object('id', id, 'attraction', attraction, 'day', day, 'gate', gate, 'at', at) ORDER BY day, id)
                      FROM redemptions WHERE pass_id = ${id}), '[]'::json) AS past`,
  )) as unknown as [QueryResult, QueryResult<PassRow>, QueryResult<{ revocation: StoredRevocation | null; past: (Omit<StoredEntry, 'id'> & { id: number | string })[] }>];
  const row = locked.rows[0];
  const { revocation, past } = read.rows[0]!;
  const plan = planEntry(row ? passFromRow(row) : undefined, row ? (revocation ?? undefined) : undefined, row ? past.map((e) => ({ ...e, id: Number(e.id) })) : [], req);
  if (!plan.write) {
    await c.query(around.close);
    return plan.outcome;
  }
  const { decision } = plan;
  const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(Math.trunc(v)) : c.escapeLiteral(v));
  // One statement for the three writes: the day slot (flex-days), the entry, the pass's status.
  const [written] = (await c.query(
    `WITH day_slot AS (
       INSERT INTO pass_days (pass_id, day_no, day) SELECT ${id}, ${lit(decision.dayNo ?? null)}::integer, ${lit(req.date)} WHERE ${decision.dayNo !== undefined}
     ), entry AS (
       INSERT INTO redemptions (pass_id, attraction, day, day_key, credit, gate, at, source, scan_id)
       VALUES (${id}, ${lit(req.attraction)}, ${lit(req.date)}, ${lit(decision.dayKey)}, ${lit(decision.credit ?? null)}::integer, ${lit(req.gate)}, ${lit(req.at)}, ${lit(req.source)}, ${lit(req.scanId ?? null)})
       RETURNING id
     ), status AS (
       UPDATE passes SET status = ${lit(decision.usedUp ? 'used-up' : 'active')},
         activated_on = CASE WHEN activated_on IS NULL OR activated_on > ${lit(decision.windowStart)} THEN ${lit(decision.windowStart)} ELSE activated_on END
       WHERE id = ${id}
     )
     SELECT id FROM entry;
     ${around.close}`,
  )) as unknown as [QueryResult<{ id: string }>, QueryResult];
  return admitted(plan, Number(written.rows[0]!.id));
}

/**
 * One scan of reconcile's chunk. The scan's row in gate_scans is claimed first
 * (INSERT … ON CONFLICT DO NOTHING waits for a concurrent reconcile of the same
 * log to finish), so two reconciles of one log merge each scan once.
 */
async function mergeScanIn(c: PoolClient, s: ScanToMerge, mergedAt: string): Promise<MergedScan> {
  const claimed = await c.query(
    `INSERT INTO gate_scans (scan_id, pass_id, attraction, day, gate, at, log_file, log_line, merged_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (scan_id) DO NOTHING`,
    [s.scan.scan, s.scan.passId, s.scan.attraction, s.scan.date, s.scan.gate, s.scan.at, s.file, s.line, mergedAt],
  );
  if (claimed.rowCount === 0) {
    const seen = (
      await c.query<{ conflict: string | null; gate: string | null; at: string | null; day: string | null }>(
        'SELECT s.conflict, r.gate, r.at, r.day FROM gate_scans s LEFT JOIN redemptions r ON r.id = s.conflicts_with WHERE s.scan_id = $1',
        [s.scan.scan],
      )
    ).rows[0]!;
    return alreadyMerged(s, seen);
  }
  // A savepoint, so that a UNIQUE violation undoes this scan's entry only, not the chunk (as SQLite's nested transaction).
  let outcome: EntryOutcome;
  try {
    outcome = await recordEntryIn(c, entryOfScan(s), { open: 'SAVEPOINT scan', close: 'RELEASE SAVEPOINT scan' });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await c.query('ROLLBACK TO SAVEPOINT scan');
    outcome = refusedByConstraint(entryOfScan(s));
  }
  await c.query('UPDATE gate_scans SET redemption_id = $2, conflict = $3, conflicts_with = $4 WHERE scan_id = $1', [
    s.scan.scan,
    outcome.admit ? outcome.redemptionId : null,
    outcome.admit ? null : outcome.reason,
    !outcome.admit && outcome.earlier ? outcome.earlier.redemptionId : null,
  ]);
  return mergedNow(s, outcome);
}
