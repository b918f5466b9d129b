/**
 * The gate log of `pass redeem --offline --log FILE`: NDJSON, one scan per
 * line, append-only (each line is written with one append and fsync'd before
 * the gate opens). docs/LEDGER.md lists the fields. `pass reconcile` merges
 * these files into the ledger; `scan` makes merging a line twice a no-op.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { fileError } from './pass-files.js';
import type { IsoDate } from '../domain/catalogue/model.js';
import { issue, type Issue } from '../domain/issues.js';

export const GATE_LOG_VERSION = 1;

export interface GateScan {
  readonly v: 1;
  /** Unique id of this scan (UUID). */
  readonly scan: string;
  readonly gate: string;
  /** ISO 8601 with +08:00. */
  readonly at: string;
  readonly date: IsoDate;
  readonly passId: string;
  readonly attraction: string;
  readonly result: 'admitted' | 'refused';
  readonly reason: string;
  readonly token: string;
}

export interface ReadGateLog {
  readonly scans: readonly (GateScan & { readonly line: number })[];
  /** Lines that are not scans (a torn last line after a power cut, edits). */
  readonly issues: readonly Issue[];
}

/** Appends one scan and waits until it is on disk. */
export function appendGateScan(file: string, scan: GateScan, flag = '--log'): void {
  let fd: number;
  try {
    fd = openSync(file, 'a', 0o644);
  } catch (error) {
    throw fileError(error, file, { ...logRole, flag }, 'write');
  }
  try {
    writeSync(fd, JSON.stringify(scan) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const logRole = { what: 'gate log', kind: 'a gate log file (NDJSON from `pass redeem --offline --log`)' };

/**
 * Reads every scan; a line that is not one becomes an issue. Deliberately not
 * strict about the bytes: a power cut can leave a torn or NUL-filled last line,
 * and the gate must keep working after it.
 */
export function readGateLog(file: string, shown = file, flag?: string): ReadGateLog {
  if (!existsSync(file)) return { scans: [], issues: [] };
  const scans: (GateScan & { line: number })[] = [];
  const issues: Issue[] = [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw fileError(error, file, { ...logRole, ...(flag ? { flag } : {}) }, 'read');
  }
  text
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      const line = i + 1;
      const scan = parseScan(text);
      if (scan) scans.push({ ...scan, line });
      else issues.push({ ...issue('bad-scan', [], 'not a gate-log scan (expected one JSON object with v, scan, gate, at, date, passId, attraction, result)'), file: shown, line, col: 1 });
    });
  return { scans, issues };
}

function parseScan(text: string): GateScan | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const str = (k: string) => typeof o[k] === 'string' && (o[k] as string) !== '';
  if (o.v !== GATE_LOG_VERSION || !['scan', 'gate', 'at', 'date', 'passId', 'attraction'].every(str)) return undefined;
  if (o.result !== 'admitted' && o.result !== 'refused') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date as string)) return undefined;
  return {
    v: 1,
    scan: o.scan as string,
    gate: o.gate as string,
    at: o.at as string,
    date: o.date as string,
    passId: o.passId as string,
    attraction: o.attraction as string,
    result: o.result,
    reason: typeof o.reason === 'string' ? o.reason : '',
    token: typeof o.token === 'string' ? o.token : '',
  };
}
