/**
 * SQLite: opens `<home>/ledger.sqlite`: checks that an existing file is an SQLite
 * database before SQLite touches it (a file of garbage is reported and left
 * byte for byte as it was), sets WAL, a busy timeout and foreign keys, and
 * applies missing migrations in one IMMEDIATE transaction.
 */
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { corruptLedger, emptyLedger, LedgerError, LedgerNotFound, ledgerFailure, newerLedger } from './ledger-error.js';
import type { OpenLedgerOptions } from './ledger-port.js';
import { LEDGER_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export const LEDGER_FILE = 'ledger.sqlite';
/** How long a command waits for another process's write to finish. */
export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;
const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenSqliteOptions extends OpenLedgerOptions {
  readonly busyTimeoutMs?: number;
}

export function ledgerPath(home: string): string {
  return path.join(home, LEDGER_FILE);
}

/** Busy timeout from YANGTZE_LEDGER_BUSY_MS, else the default. */
export function busyTimeoutFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const ms = Number(env.YANGTZE_LEDGER_BUSY_MS);
  return Number.isInteger(ms) && ms >= 0 ? ms : DEFAULT_BUSY_TIMEOUT_MS;
}

export function openSqliteDb(home: string, options: OpenSqliteOptions = {}): Db {
  const file = ledgerPath(home);
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) {
      throw new LedgerError(`${file} is a directory, not a ledger; it was left untouched`, 'Move it aside, or pass the --home that holds the ledger.');
    }
    // SQLite takes a 0-byte file for a new database and would make it an empty ledger: after that a
    // batch issue issues every booking again. A ledger is never empty, so the file was truncated.
    if (statSync(file).size === 0) throw emptyLedger(file);
    if (!hasSqliteHeader(file)) throw corruptLedger(file);
  } else if (options.create) {
    try {
      mkdirSync(home, { recursive: true });
      createLedgerFile(file);
    } catch (error) {
      throw ledgerFailure(error, file);
    }
  } else {
    throw new LedgerNotFound(file);
  }
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: !options.create, timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
    // Read before any write: a damaged file fails here, with nothing written.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LEDGER_SCHEMA_VERSION) throw newerLedger(file, version, LEDGER_SCHEMA_VERSION);
    // Every page read once (0.07 s of CPU for 100,000 passes: BENCHMARKS.md), so damage stops a reader before its first byte of output.
    if (options.checkPages && db.pragma('quick_check(1)', { simple: true }) !== 'ok') throw corruptLedger(file);
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Off while migrating: a migration that rebuilds a table (3) drops the parent of foreign keys,
    // which SQLite's procedure requires with foreign keys off; migrate() checks them before commit.
    if (version < LEDGER_SCHEMA_VERSION) {
      db.pragma('foreign_keys = OFF'); // better-sqlite3 turns them on by default
      migrate(db, file);
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db?.close();
    throw ledgerFailure(error, file);
  }
}

function migrate(db: Db, file: string): void {
  db.transaction(() => {
    // Re-read inside the lock: another process may have migrated meanwhile.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LEDGER_SCHEMA_VERSION) throw newerLedger(file, version, LEDGER_SCHEMA_VERSION);
    for (const sql of MIGRATIONS.slice(version)) db.exec(sql);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration left ${broken.length} broken foreign key(s); the ledger was left as it was`);
    db.pragma(`user_version = ${LEDGER_SCHEMA_VERSION}`);
  }).immediate();
}


/**
 * Makes a new, migrated ledger appear at `file` in one step. SQLite creates a database as a 0-byte
 * file and writes its first page only later, so a second process starting at the same moment would
 * see a 0-byte ledger — which the check above must refuse as truncated. So the ledger is built
 * under a name of this process's own and linked into place: link() never replaces a file, and
 * when another process got there first its ledger is the one used.
 */
export function createLedgerFile(file: string): void {
  const building = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.new`;
  try {
    const db = new Database(building, { timeout: DEFAULT_BUSY_TIMEOUT_MS });
    try {
      // WAL from the start, as every opener expects: switching a shared file to WAL later needs a lock
      // that SQLite does not wait for. Closing the only connection checkpoints and removes the WAL.
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = OFF');
      migrate(db, building);
    } finally {
      db.close();
    }
    try {
      linkSync(building, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } finally {
    for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  }
}

/** A ledger starts with the SQLite header. */
function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(sqliteHeader.length);
    const n = readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.equals(sqliteHeader);
  } finally {
    closeSync(fd);
  }
}
