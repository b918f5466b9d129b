/**
 * `pass export [--format json|ndjson|csv] [--since DATE] [-o FILE]`: streams
 * the ledger's passes, one statement row at a time, in issue order. Output is
 * gathered into blocks of about 64 KiB; with -o it goes to a temporary file
 * renamed into place at the end, so FILE is never half written.
 */
import { UsageError } from '../cli/errors.js';
import type { Stream } from '../cli/effects.js';
import type { IsoDate } from '../domain/catalogue/model.js';
import { isIsoDate } from '../domain/calendar/iso-date.js';
import { shanghaiDate } from '../domain/passes/shanghai-time.js';
import { passCsvChunks } from '../export/pass-csv.js';
import { passJsonChunks, passNdjsonChunks } from '../export/pass-json.js';
import { iteratePasses } from '../io/ledger/iterate-passes.js';
import { withLedger } from '../io/ledger/with-ledger.js';
import { writeFileAtomically } from '../io/pass-files.js';

export const EXPORT_FORMATS = ['json', 'ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const blockBytes = 64 * 1024;

export interface PassExportOptions {
  readonly format: ExportFormat;
  readonly since?: string;
  readonly output?: string;
}

export interface PassExportResult {
  readonly passes: number;
  readonly output?: string;
}

export function runPassExport(opts: PassExportOptions, deps: { home: string; nowMs: number; stdout: Stream }): PassExportResult {
  if (opts.since !== undefined && !isIsoDate(opts.since)) throw new UsageError(`--since: "${opts.since}" is not a date (YYYY-MM-DD)`);
  const today = shanghaiDate(deps.nowMs);
  return withLedger(deps.home, {}, (db) => {
    let passes = 0;
    const counted = (function* () {
      for (const p of iteratePasses(db, opts.since as IsoDate | undefined)) {
        passes++;
        yield p;
      }
    })();
    const chunks =
      opts.format === 'json' ? passJsonChunks(counted, today) : opts.format === 'ndjson' ? passNdjsonChunks(counted, today) : passCsvChunks(counted, today);
    if (!opts.output) {
      writeBlocks(chunks, (s) => void deps.stdout.write(s));
      return { passes };
    }
    writeFileAtomically(opts.output, { what: 'export file', flag: '-o', kind: 'a file name' }, (append) => writeBlocks(chunks, append));
    return { passes, output: opts.output };
  });
}

function writeBlocks(chunks: Iterable<string>, write: (s: string) => void): void {
  let block = '';
  for (const chunk of chunks) {
    block += chunk;
    if (block.length >= blockBytes) {
      write(block);
      block = '';
    }
  }
  if (block) write(block);
}
