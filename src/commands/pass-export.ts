/**
 * `pass export [--format json|ndjson|csv] [--since DATE] [-o FILE]`: streams
 * the ledger's passes, one row at a time, in issue order. Output is gathered
 * into blocks of about 64 KiB; with -o it goes to a temporary file renamed
 * into place at the end, so FILE is never half written. The ledger's pages are
 * checked before the first byte is written, so a damaged ledger fails before
 * any output, not halfway through it.
 */
import { UsageError } from '../cli/errors.js';
import type { Stream } from '../cli/effects.js';
import type { IsoDate } from '../domain/catalogue/model.js';
import { isIsoDate } from '../domain/calendar/iso-date.js';
import { shanghaiDate } from '../domain/passes/shanghai-time.js';
import { passCsvChunks } from '../export/pass-csv.js';
import { passJsonChunks, passNdjsonChunks } from '../export/pass-json.js';
import type { LedgerPass } from '../io/ledger/ledger-pass.js';
import type { LedgerTarget } from '../io/ledger/ledger-port.js';
import { withLedger } from '../io/ledger/with-ledger.js';
import { writeFileAtomicallyAsync } from '../io/pass-files.js';

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

export async function runPassExport(opts: PassExportOptions, deps: LedgerTarget & { nowMs: number; stdout: Stream }): Promise<PassExportResult> {
  if (opts.since !== undefined && !isIsoDate(opts.since)) throw new UsageError(`--since: "${opts.since}" is not a date (YYYY-MM-DD)`);
  const today = shanghaiDate(deps.nowMs);
  return withLedger(deps, { checkPages: true }, async (ledger) => {
    let passes = 0;
    const counted = (async function* () {
      for await (const p of ledger.iteratePasses(opts.since as IsoDate | undefined)) {
        passes++;
        yield p;
      }
    })();
    const format = opts.format === 'json' ? passJsonChunks : opts.format === 'ndjson' ? passNdjsonChunks : passCsvChunks;
    const chunks = pumpChunks(counted, (feed) => format(feed, today));
    if (!opts.output) {
      await writeBlocks(chunks, (s) => void deps.stdout.write(s));
      return { passes };
    }
    await writeFileAtomicallyAsync(opts.output, { what: 'export file', flag: '-o', kind: 'a file name' }, (append) => writeBlocks(chunks, append));
    return { passes, output: opts.output };
  });
}

async function writeBlocks(chunks: AsyncIterable<string>, write: (s: string) => void): Promise<void> {
  let block = '';
  for await (const chunk of chunks) {
    block += chunk;
    if (block.length >= blockBytes) {
      write(block);
      block = '';
    }
  }
  if (block) write(block);
}

/**
 * Runs a synchronous chunk writer (passJsonChunks …, shared with `issue`) over
 * passes that arrive asynchronously: before each step one pass is fetched and
 * ready, and the writers take at most one pass per chunk they yield. A writer
 * that took more would find nothing ready: that throws rather than cut the file short.
 */
async function* pumpChunks(source: AsyncIterable<LedgerPass>, chunksOf: (feed: Iterable<LedgerPass>) => Iterator<string>): AsyncGenerator<string> {
  const upstream = source[Symbol.asyncIterator]();
  let ready: LedgerPass | undefined;
  let ended = false;
  const feed: Iterable<LedgerPass> = {
    [Symbol.iterator]: () => ({
      next: (): IteratorResult<LedgerPass> => {
        if (ready !== undefined) {
          const value = ready;
          ready = undefined;
          return { value, done: false };
        }
        if (!ended) throw new Error('pumpChunks: a chunk writer took two passes in one step');
        return { value: undefined, done: true };
      },
    }),
  };
  const chunks = chunksOf(feed);
  for (;;) {
    if (ready === undefined && !ended) {
      const next = await upstream.next();
      if (next.done) ended = true;
      else ready = next.value;
    }
    const chunk = chunks.next();
    if (chunk.done) return;
    yield chunk.value;
  }
}
