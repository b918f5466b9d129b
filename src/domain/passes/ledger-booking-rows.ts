/**
 * Checks the records of a bookings file against the catalogue: every bad row
 * becomes an Issue pointing at its cell (`bookings.csv:17:34`), good rows go
 * on to be issued. Pure: the records are already parsed.
 */
import type { Catalogue, IsoDate, PassProduct } from '../catalogue/model.js';
import { isIsoDate } from '../calendar/iso-date.js';
import { didYouMean, suggestionText } from '../did-you-mean.js';
import { issue, type Issue } from '../issues.js';
import { checkIdDocument, ID_TYPES, type IdType } from './id-document.js';
import { describeControl, firstControlCharacter } from '../control-characters.js';

interface Cell {
  readonly text: string;
  readonly line: number;
  readonly col: number;
  readonly quoted?: boolean;
}

export interface RawBooking {
  readonly line: number;
  readonly cells: Readonly<Partial<Record<'booking' | 'holder' | 'id_number' | 'id_type' | 'category' | 'product' | 'start', Cell>>>;
  /** Present when the row's cell count differs from the header's. */
  readonly width?: { readonly cells: number; readonly header: number; readonly line: number; readonly col: number };
}

export interface BookingRow {
  readonly line: number;
  readonly booking: string;
  readonly holder: string;
  /**
   * 1 for the first row of this booking, holder name and product, 2 for the second… in file order:
   * two travellers who share a name get a pass each, and a rerun of the same file gives every row
   * the same number again, so nothing is issued twice (the ledger's key includes it).
   */
  readonly traveller: number;
  readonly idNumber?: string;
  readonly category: string;
  readonly product: PassProduct;
  readonly start: IsoDate;
}

export interface CheckedBookings {
  readonly rows: readonly BookingRow[];
  /** One or more per bad row; a bad row is not issued. */
  readonly issues: readonly Issue[];
  /** Lines of the bad rows. */
  readonly badLines: readonly number[];
}

/** `today` (Asia/Shanghai) bounds the birth date in a PRC ID number. */
export function checkBookings(records: readonly RawBooking[], catalogue: Catalogue, file: string, today: IsoDate): CheckedBookings {
  const products = new Map(catalogue.passes.map((p) => [p.id, p]));
  const categories = catalogue.riderCategories.map((c) => c.id);
  const defaultCategory = catalogue.riderCategories.find((c) => c.isDefault)?.id ?? categories[0] ?? 'adult';
  /** Rows so far per booking, holder and product: the next row's traveller number is one more. */
  const seen = new Map<string, number>();
  const rows: BookingRow[] = [];
  const issues: Issue[] = [];
  const badLines: number[] = [];

  for (const record of records) {
    const found: Issue[] = [];
    if (record.width) {
      // The cells cannot be trusted to sit under their columns: one issue for the row, no guesses about its cells.
      const { cells, header, line, col } = record.width;
      const why = cells > header ? 'a value with a comma needs "double quotes"' : 'a cell is missing (empty cells still need their commas)';
      issues.push({ ...issue('wrong-cell-count', [], `the row has ${cells} cells but the header has ${header}; ${why}`), file, line, col });
      badLines.push(record.line);
      continue;
    }
    const text = (c: keyof RawBooking['cells']) => record.cells[c]?.text.trim() ?? '';
    const fail = (c: keyof RawBooking['cells'], code: string, message: string, hint?: string) => {
      const cell = record.cells[c];
      found.push({ ...issue(code, [], message, hint ? { hint } : {}), file, line: cell?.line ?? record.line, col: cell?.col ?? 1 });
    };
    const booking = text('booking');
    const holder = text('holder');
    if (booking === '') fail('booking', 'missing-booking', 'no booking reference');
    if (holder === '') fail('holder', 'missing-holder', "no holder name");
    // Names are shown at gates and on passes: a control character could clear the screen or reorder the name.
    for (const column of ['booking', 'holder'] as const) {
      const cell = record.cells[column];
      const at = cell ? firstControlCharacter(cell.text) : -1;
      if (cell && at >= 0) {
        const before = cell.text.slice(0, at);
        const breaks = before.split('\n').length - 1;
        const col = breaks > 0 ? before.length - before.lastIndexOf('\n') : cell.col + (cell.quoted ? 1 : 0) + at;
        found.push({
          ...issue('control-character', [], `${column} holds the control character ${describeControl(cell.text[at]!)}, which would act on the gate's screen; remove it`),
          file,
          line: cell.line + breaks,
          col,
        });
      }
    }
    const productId = text('product');
    const product = products.get(productId);
    if (!product) {
      const near = didYouMean(productId, products.keys());
      if (productId === '') fail('product', 'missing-product', 'no product');
      else fail('product', 'unknown-product', `unknown product "${productId}";`, near ? suggestionText(near) : `the products are ${[...products.keys()].join(', ')}`);
    }
    const category = text('category') || defaultCategory;
    if (!categories.includes(category)) {
      const near = didYouMean(category, categories);
      fail('category', 'unknown-category', `unknown category "${category}";`, near ? suggestionText(near) : `expected one of ${categories.join(', ')}`);
    } else if (product && product.price[category] === undefined && product.price[defaultCategory] === undefined) {
      fail('category', 'no-price', `${product.id} has no price for "${category}"`);
    }
    const idType = text('id_type') || 'prc';
    if (!(ID_TYPES as readonly string[]).includes(idType)) {
      const near = didYouMean(idType, ID_TYPES);
      fail('id_type', 'unknown-id-type', `unknown document type "${idType}";`, near ? suggestionText(near) : `expected one of ${ID_TYPES.join(', ')}`);
    } else if (text('id_number') !== '') {
      const problem = checkIdDocument(idType as IdType, text('id_number'), today);
      if (problem) fail('id_number', 'bad-id-number', `not a ${idType === 'prc' ? 'PRC resident ID' : idType} number: ${problem}${idType === 'prc' ? ';' : ''}`, idType === 'prc' ? 'for a passport or another document, fill the id_type column (passport, other)' : undefined);
    }
    const start = text('start');
    if (!isIsoDate(start)) fail('start', 'bad-date', `start "${start}" is not a date (YYYY-MM-DD)`);
    // Counted before the row is judged: a bad row keeps its number, so mending it later leaves the
    // numbers of the rows after it, and the passes already issued for them, as they were.
    const key = `${booking}\u0000${holder}\u0000${productId}`;
    const traveller = (seen.get(key) ?? 0) + 1;
    seen.set(key, traveller);
    if (found.length > 0 || !product) {
      issues.push(...found);
      badLines.push(record.line);
      continue;
    }
    const idNumber = text('id_number');
    rows.push({ line: record.line, booking, holder, traveller, ...(idNumber ? { idNumber } : {}), category, product, start });
  }
  return { rows, issues, badLines };
}
