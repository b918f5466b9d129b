/**
 * `pass export [--format json|ndjson|csv] [--since DATE] [-o FILE]`: streams
 * the ledger's passes, a page of rows at a time, in issue order. Output is
 * gathered into blocks of about 64 KiB; with -o it goes to a temporary file
 * renamed into place at the end, so FILE is never half written. On stdout the
 * ledger's pages are checked before the first byte is written, so a damaged
 * ledger fails before any output, not halfway through it.
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
  // On stdout nothing can be taken back, so every page is checked before the first byte; with -o a
  // damaged page met halfway only removes the temporary file (FILE stays as it was), so the check is skipped.
  return withLedger(deps, { checkPages: !opts.output }, async (ledger) => {
    const format = opts.format === 'json' ? passJsonChunks : opts.format === 'ndjson' ? passNdjsonChunks : passCsvChunks;
    const exported = blocksOf(ledger.passPages(opts.since as IsoDate | undefined), (feed) => format(feed, today));
    if (!opts.output) {
      for await (const block of exported.blocks) deps.stdout.write(block);
      return { passes: exported.passes() };
    }
    await writeFileAtomicallyAsync(opts.output, { what: 'export file', flag: '-o', kind: 'a file name' }, async (append) => {
      for await (const block of exported.blocks) append(block);
    });
    return { passes: exported.passes(), output: opts.output };
  });
}

/**
 * Runs a synchronous chunk writer (passJsonChunks …, shared with `issue`) over
 * pages of passes that arrive asynchronously, and gathers its chunks into
 * blocks of about 64 KiB: one wait per page and per block, none per pass.
 * Before each step a pass is ready (or the pages have ended), and the writers
 * take at most one pass per chunk they yield; a writer that took more would
 * find nothing ready: that throws rather than cut the file short.
 */
function blocksOf(pages: AsyncIterable<readonly LedgerPass[]>, chunksOf: (feed: Iterable<LedgerPass>) => Iterator<string>) {
  const upstream = pages[Symbol.asyncIterator]();
  let page: readonly LedgerPass[] = [];
  let next = 0;
  let ended = false;
  let taken = 0;
  const feed: Iterable<LedgerPass> = {
    [Symbol.iterator]: () => ({
      next: (): IteratorResult<LedgerPass> => {
        if (next < page.length) {
          taken++;
          return { value: page[next++]!, done: false };
        }
        if (!ended) throw new Error('blocksOf: a chunk writer took two passes in one step');
        return { value: undefined, done: true };
      },
    }),
  };
  async function* blocks(): AsyncGenerator<string> {
    const chunks = chunksOf(feed);
    let block = '';
    for (;;) {
      while (next >= page.length && !ended) {
        const more = await upstream.next();
        if (more.done) ended = true;
        else [page, next] = [more.value, 0];
      }
      const chunk = chunks.next();
      if (chunk.done) break;
      block += chunk.value;
      if (block.length >= blockBytes) {
        yield block;
        block = '';
      }
    }
    if (block) yield block;
  }
  return { blocks: blocks(), passes: () => taken };
}
