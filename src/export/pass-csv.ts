/**
 * `pass export --format csv`: RFC 4180, a header row, the columns of the pass
 * JSON in the same order; `attractions` joined with `;`, `booking` empty when none.
 *
 * Formula injection: agents open this file in Excel, WPS or LibreOffice, which
 * run a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or
 * carriage return) as a formula. Holder names and booking references come from
 * customers, so such a cell gets a leading apostrophe (`'=1+1`), which
 * spreadsheets show as text and hide (OWASP "CSV injection"). Scripts reading
 * the file see the apostrophe: docs/PASSES.md says so.
 */
import type { IsoDate } from '../domain/catalogue/model.js';
import type { LedgerPass } from '../io/ledger/ledger-pass.js';
import { PASS_JSON_KEYS, toPassJson } from './pass-json.js';

export const PASS_CSV_COLUMNS = PASS_JSON_KEYS;

export function* passCsvChunks(passes: Iterable<LedgerPass>, today: IsoDate): Generator<string> {
  yield PASS_CSV_COLUMNS.join(',') + '\r\n';
  for (const pass of passes) {
    const p = toPassJson(pass, today);
    const cells = [p.id, p.product, p.holder, p.category, p.validFrom, p.validUntil, p.attractions.join(';'), String(p.price), p.status, p.booking ?? '', p.token];
    yield cells.map(csvCell).join(',') + '\r\n';
  }
}

/** A spreadsheet would take a cell starting with one of these for a formula. */
const formulaStart = /^[=+\-@\t\r]/;

/** Defuses a would-be formula, then quotes the cell when it holds a comma, quote or line break (inner quotes doubled). */
export function csvCell(value: string): string {
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
