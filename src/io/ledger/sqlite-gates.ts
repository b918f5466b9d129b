/**
 * SQLite: the `gates` table of online gate credentials (migration 2). Only the
 * hash of a gate's secret is stored; attractions are comma-joined as in `passes`.
 */
import { GateExists } from './ledger-error.js';
import type { GateRecord, NewGate } from './ledger-port.js';
import type { Db } from './sqlite-open.js';

interface GateRow {
  id: string;
  attractions: string;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export function gateFromRow(r: GateRow): GateRecord {
  return { id: r.id, attractions: r.attractions === '' ? [] : r.attractions.split(','), secretHash: r.secret_hash, createdAt: r.created_at, revokedAt: r.revoked_at };
}

export function addGate(db: Db, gate: NewGate): void {
  try {
    db.prepare('INSERT INTO gates (id, attractions, secret_hash, created_at) VALUES (?, ?, ?, ?)').run(gate.id, gate.attractions.join(','), gate.secretHash, gate.createdAt);
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new GateExists(gate.id);
    throw error;
  }
}

export function findGate(db: Db, id: string): GateRecord | null {
  const row = db.prepare<[string], GateRow>('SELECT id, attractions, secret_hash, created_at, revoked_at FROM gates WHERE id = ?').get(id);
  return row ? gateFromRow(row) : null;
}

export function revokeGate(db: Db, id: string, at: string): boolean {
  return db.prepare('UPDATE gates SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
}

export function listGates(db: Db): GateRecord[] {
  return db.prepare<[], GateRow>('SELECT id, attractions, secret_hash, created_at, revoked_at FROM gates ORDER BY id').all().map(gateFromRow);
}
