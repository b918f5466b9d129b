/**
 * The bookings file of `pass issue --bookings` (docs/LEDGER.md): CSV (RFC
 * 4180, UTF-8, optional BOM), a header row naming the columns
 *
 *   booking,holder,id_number,category,product,start
 *
 * in any order (`id_number` and `category` may be left out or empty). Each
 * record keeps the line and column of each cell, so problems point at
 * `bookings.csv:17:34`.
 */
import { didYouMean, suggestionText } from '../domain/did-you-mean.js';
import { issue, type Issue } from '../domain/issues.js';

export const BOOKING_COLUMNS = ['booking', 'holder', 'id_number', 'id_type', 'category', 'product', 'start'] as const;
export type BookingColumn = (typeof BOOKING_COLUMNS)[number];
const requiredColumns: readonly BookingColumn[] = ['booking', 'holder', 'product', 'start'];

export interface CsvCell {
  readonly text: string;
  readonly line: number;
  readonly col: number;
  /** The cell was in double quotes: its text starts one column after `col`. */
  readonly quoted?: boolean;
}

export interface BookingRecord {
  /** Line of the record's first character. */
  readonly line: number;
  readonly cells: Readonly<Partial<Record<BookingColumn, CsvCell>>>;
  /** Only when the row has more or fewer cells than the header; line:col of the first extra cell. */
  readonly width?: { readonly cells: number; readonly header: number; readonly line: number; readonly col: number };
}

export type ParsedBookings =
  | { readonly ok: true; readonly records: readonly BookingRecord[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export function parseBookingsCsv(text: string, file: string): ParsedBookings {
  const rows = csvRecords(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const header = rows[0];
  const at = (line: number, col: number, i: Issue): Issue => ({ ...i, file, line, col });
  if (!header) return { ok: false, issues: [at(1, 1, issue('empty-file', [], `no header row; expected the columns ${BOOKING_COLUMNS.join(',')}`))] };
  const columns: (BookingColumn | undefined)[] = [];
  const issues: Issue[] = [];
  for (const cell of header) {
    const name = cell.text.trim().toLowerCase();
    if ((BOOKING_COLUMNS as readonly string[]).includes(name)) {
      if (columns.includes(name as BookingColumn)) issues.push(at(cell.line, cell.col, issue('duplicate-column', [], `column "${name}" appears twice`)));
      columns.push(name as BookingColumn);
    } else {
      const near = didYouMean(name, BOOKING_COLUMNS);
      issues.push(
        at(cell.line, cell.col, near
          ? issue('unknown-column', [], `unknown column "${cell.text}";`, { hint: suggestionText(near) })
          : issue('unknown-column', [], `unknown column "${cell.text}"; the columns are ${BOOKING_COLUMNS.join(',')} (remove the others)`)),
      );
      columns.push(undefined);
    }
  }
  for (const c of requiredColumns) {
    if (!columns.includes(c)) issues.push(at(1, 1, issue('missing-column', [], `missing column "${c}"; expected ${BOOKING_COLUMNS.join(',')}`)));
  }
  if (issues.length > 0) return { ok: false, issues };
  const records: BookingRecord[] = [];
  for (const row of rows.slice(1)) {
    if (row.length === 1 && row[0]!.text.trim() === '') continue; // blank line
    const cells: Partial<Record<BookingColumn, CsvCell>> = {};
    row.forEach((cell, i) => {
      const column = columns[i];
      if (column) cells[column] = cell;
    });
    // A row wider than the header is most often a name with an unquoted comma: the cells have shifted.
    const extra = row[columns.length];
    records.push({
      line: row[0]!.line,
      cells,
      ...(row.length !== columns.length ? { width: { cells: row.length, header: columns.length, line: extra?.line ?? row[0]!.line, col: extra?.col ?? 1 } } : {}),
    });
  }
  return { ok: true, records };
}

/** RFC 4180 records; quoted cells may hold commas, doubled quotes and line breaks. */
function csvRecords(text: string): CsvCell[][] {
  if (text.trim() === '') return [];
  const records: CsvCell[][] = [];
  let record: CsvCell[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    const cellLine = line;
    const cellCol = i - lineStart + 1;
    const cellStart = i;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(i);
          i = n;
          break;
        }
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const breaks = text.slice(cellStart, i).split('\n').length - 1;
      if (breaks > 0) {
        line += breaks;
        lineStart = text.lastIndexOf('\n', i - 1) + 1;
      }
      // Anything between the closing quote and the separator is kept, as spreadsheets do.
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      value = text.slice(i, j);
      i = j;
    }
    record.push({ text: value, line: cellLine, col: cellCol, ...(text[cellStart] === '"' ? { quoted: true } : {}) });
    if (i < n && text[i] === ',') {
      i++;
      continue;
    }
    // End of record: line break or end of text.
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    records.push(record);
    record = [];
    line++;
    lineStart = i;
    if (i >= n) break;
  }
  // A trailing line break leaves no empty record behind.
  const last = records[records.length - 1];
  if (last && last.length === 1 && last[0]!.text === '' && text.endsWith('\n')) records.pop();
  return records;
}
