/**
 * `pass issue --bookings FILE.csv`: issues one pass per good row, in chunks of
 * CHUNK_ROWS rows, each chunk one transaction. Rows whose (booking, holder,
 * traveller, product) the ledger already has are skipped before signing, so a run that
 * was killed midway is finished by running it again, without duplicates.
 * Bad rows are reported with file:line:col and do not stop the good ones;
 * the exit code is then 3. With --strict a bad row stops everything first.
 */
import path from 'node:path';
import { DataError } from '../cli/errors.js';
import type { Output } from '../cli/output.js';
import { toJson } from '../cli/output.js';
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Issue } from '../domain/issues.js';
import { checkBookings, type BookingRow } from '../domain/passes/ledger-booking-rows.js';
import { priceFor } from '../domain/passes/ledger-new-claims.js';
import { passWindow } from '../domain/passes/ledger-window.js';
import { shanghaiDate, shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import type { Signer } from '../domain/passes/token.js';
import { parseBookingsCsv } from '../io/bookings-csv.js';
import { bookingKey } from '../io/ledger/ledger-pass.js';
import type { LedgerTarget } from '../io/ledger/ledger-port.js';
import { signPasses } from '../io/ledger/sign-pass.js';
import { withLedger } from '../io/ledger/with-ledger.js';
import { readTextFile } from '../io/pass-files.js';
import { ensureCoverage } from '../io/keys.js';
import { warnCoverage } from './coverage-warning.js';

/** Rows per transaction: large enough to amortize the commit's fsync, small enough that a kill loses little work. */
export const CHUNK_ROWS = 1000;

export interface PassIssueBatchOptions {
  readonly bookings: string;
  readonly strict: boolean;
}

export interface PassIssueBatchDeps extends LedgerTarget {
  readonly catalogue: Catalogue;
  readonly nowMs: number;
  /** A function is called only once the bookings file is read and checked, so its errors come first. */
  readonly signer: Signer | (() => Signer | Promise<Signer>);
  /** Called after each chunk with rows done (good rows only) and the total. */
  readonly progress?: (done: number, total: number) => void;
}

export interface PassIssueBatchResult {
  readonly file: string;
  readonly ledger: string;
  readonly rows: number;
  readonly issued: number;
  readonly alreadyIssued: number;
  readonly badLines: readonly number[];
  readonly issues: readonly Issue[];
  /** Coverage references this run added to the trust file: gates need the new one (ensureCoverage). */
  readonly coverageAdded: readonly string[];
}

export async function runPassIssueBatch(opts: PassIssueBatchOptions, deps: PassIssueBatchDeps): Promise<PassIssueBatchResult> {
  const shown = path.basename(opts.bookings);
  const text = readTextFile(opts.bookings, { what: 'bookings file', flag: '--bookings', kind: 'a CSV file (booking,holder,id_number,category,product,start)', hint: 'in Excel or WPS: Save As "CSV UTF-8"' });
  const parsed = parseBookingsCsv(text, shown);
  if (!parsed.ok) throw new DataError(`${shown}: cannot read the header; nothing was issued`, parsed.issues);
  const checked = checkBookings(parsed.records, deps.catalogue, shown, shanghaiDate(deps.nowMs));
  if (opts.strict && checked.issues.length > 0) {
    throw new DataError(`${shown}: ${checked.badLines.length} bad row(s); --strict: nothing was issued`, checked.issues);
  }
  const signer = typeof deps.signer === 'function' ? await deps.signer() : deps.signer;
  const defaultCategory = deps.catalogue.riderCategories.find((c) => c.isDefault)?.id ?? 'adult';
  const coverage = ensureCoverage(deps.home, [...new Set(checked.rows.map((r) => r.product))]);
  const at = shanghaiTimestamp(deps.nowMs);
  const issued = { at, currency: deps.catalogue.currency };
  let inserted = 0;
  let skipped = 0;
  const total = checked.rows.length;
  const ledger = await withLedger(deps, { create: true }, async (ledger) => {
    // Chunk k+1 is being signed in the thread pool while chunk k is written: signing is the largest cost.
    const sign = (from: number) => {
      const chunk = checked.rows.slice(from, from + CHUNK_ROWS);
      const rows = ledger.issuedBookingKeys(chunk.map(keyOf)).then((done) => {
        const fresh = chunk.filter((r) => !done.has(bookingKey(keyOf(r))));
        return signPasses(fresh.map((r) => toSign(r, defaultCategory, coverage.refs)), signer, issued);
      });
      rows.catch(() => undefined); // awaited below; this only keeps a failure while a write is failing from going unhandled
      return { size: chunk.length, rows };
    };
    let next = total > 0 ? sign(0) : undefined;
    for (let from = 0; next; from += CHUNK_ROWS) {
      const current = next;
      const rows = await current.rows;
      next = from + CHUNK_ROWS < total ? sign(from + CHUNK_ROWS) : undefined;
      const outcome = await ledger.insertPasses(rows);
      inserted += outcome.inserted.length;
      skipped += current.size - outcome.inserted.length;
      deps.progress?.(Math.min(from + CHUNK_ROWS, total), total);
    }
    return ledger.location;
  });
  return {
    file: opts.bookings,
    ledger,
    rows: parsed.records.length,
    issued: inserted,
    alreadyIssued: skipped,
    badLines: checked.badLines,
    issues: checked.issues,
    coverageAdded: coverage.added,
  };
}

function keyOf(r: BookingRow) {
  return { booking: r.booking, holder: r.holder, traveller: r.traveller, product: r.product.id };
}

function toSign(r: BookingRow, defaultCategory: string, coverage: ReadonlyMap<string, string>) {
  const ref = coverage.get(r.product.id);
  return {
    ...(ref !== undefined ? { coverage: ref } : {}),
    product: r.product,
    holder: r.holder,
    traveller: r.traveller,
    category: r.category,
    ...(r.idNumber !== undefined ? { idNumber: r.idNumber } : {}),
    ...passWindow(r.product, r.start),
    booking: r.booking,
    price: priceFor(r.product, r.category, defaultCategory) ?? 0,
  };
}

/** Prints the summary; throws DataError (exit 3) after it when any row was bad. */
export function renderPassIssueBatch(result: PassIssueBatchResult, out: Output): void {
  const shown = path.basename(result.file);
  if (out.view === 'json') {
    out.result(
      toJson({
        schemaVersion: 1,
        kind: 'yangtze.pass-batch',
        file: result.file,
        rows: result.rows,
        issued: result.issued,
        alreadyIssued: result.alreadyIssued,
        badRows: result.badLines,
      }),
    );
  } else if (out.view === 'pipe') {
    out.result(`issued\t${result.issued}\nalready-issued\t${result.alreadyIssued}\nbad-rows\t${result.badLines.length}`);
  } else {
    const s = out.style;
    out.result(
      `${s.green('✔')} issued ${s.bold(String(result.issued))} pass(es) from ${shown} into ${result.ledger}` +
        (result.alreadyIssued > 0 ? `\n  ${result.alreadyIssued} row(s) were already issued and were skipped` : '') +
        (result.badLines.length > 0 ? `\n  ${s.red(String(result.badLines.length))} bad row(s) were not issued (listed on stderr)` : ''),
    );
  }
  warnCoverage(result.coverageAdded, out);
  if (result.rows === 0) out.warn(`${shown} has a header but no booking rows: nothing was issued`);
  if (result.issues.length > 0) {
    throw new DataError(`${shown}: ${result.badLines.length} bad row(s) not issued; the ${result.issued + result.alreadyIssued} good row(s) are in the ledger`, result.issues);
  }
}

/** A progress bar for stderr in a terminal: `[#####.....] 5,000/10,000`. */
export function progressBar(write: (s: string) => void): (done: number, total: number) => void {
  const width = 30;
  return (done, total) => {
    const filled = total === 0 ? width : Math.round((done / total) * width);
    write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}${done >= total ? '\n' : ''}`);
  };
}
