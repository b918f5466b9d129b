/**
 * The gate log of `pass redeem --offline --log FILE`: NDJSON, one scan per
 * line, append-only (each line is written with one append and fsync'd before
 * the gate opens). docs/LEDGER.md lists the fields. `pass reconcile` merges
 * these files into the ledger; `scan` makes merging a line twice a no-op.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
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

/**
 * Appends one scan and waits until it is on disk. After a torn last line (a
 * power cut mid-write) the scan starts on a new line: glued to the fragment it
 * would be unreadable, and the gate would forget the entry it just admitted.
 */
export function appendGateScan(file: string, scan: GateScan, flag = '--log'): void {
  let fd: number;
  try {
    fd = openSync(file, 'a+', 0o644);
  } catch (error) {
    throw fileError(error, file, { ...logRole, flag }, 'write');
  }
  try {
    writeSync(fd, (endsInsideLine(fd) ? '\n' : '') + JSON.stringify(scan) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether the file's last byte is not a line end (an empty file is not inside a line). */
function endsInsideLine(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
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
      if (scan) {
        scans.push({ ...scan, line });
        return;
      }
      // A gate before issue 14 appended right after a torn fragment: the scan is the line's tail.
      const glued = text.lastIndexOf('{"v":');
      const tail = glued > 0 ? parseScan(text.slice(glued)) : undefined;
      if (tail) scans.push({ ...tail, line });
      issues.push({
        ...issue('bad-scan', [], tail
          ? `a torn fragment (${glued} characters) before the scan on this line; the scan was read`
          : 'not a gate-log scan (expected one JSON object with v, scan, gate, at, date, passId, attraction, result)'),
        file: shown,
        line,
        col: 1,
      });
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
