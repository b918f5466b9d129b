/**
 * `pass export --format csv`: RFC 4180, a header row, the columns of the pass
 * JSON in the same order; `attractions` joined with `;`, `booking` empty when none.
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

/** Quotes a cell when it holds a comma, quote or line break; doubles inner quotes. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
