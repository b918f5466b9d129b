/**
 * SQLite: the `gates` table of online gate credentials (migration 2). Only the
 * hash of a gate's secret is stored; attractions are comma-joined as in `passes`.
 */
import { GATE_COLUMNS, gateFromRow, type GateRow } from './gate-row.js';
import { GateExists } from './ledger-error.js';
import type { GateRecord, NewGate } from './ledger-port.js';
import type { Db } from './sqlite-open.js';

export function addGate(db: Db, gate: NewGate): void {
  try {
    db.prepare('INSERT INTO gates (id, attractions, secret_hash, created_at) VALUES (?, ?, ?, ?)').run(gate.id, gate.attractions.join(','), gate.secretHash, gate.createdAt);
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new GateExists(gate.id);
    throw error;
  }
}

export function findGate(db: Db, id: string): GateRecord | null {
  const row = db.prepare<[string], GateRow>(`SELECT ${GATE_COLUMNS} FROM gates WHERE id = ?`).get(id);
  return row ? gateFromRow(row) : null;
}

export function revokeGate(db: Db, id: string, at: string): boolean {
  return db.prepare('UPDATE gates SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
}

export function listGates(db: Db): GateRecord[] {
  return db.prepare<[], GateRow>(`SELECT ${GATE_COLUMNS} FROM gates ORDER BY id`).all().map(gateFromRow);
}
