/**
 * Tables for the terminal and for pipes. In a terminal: a header, aligned
 * columns measured by display width (CJK characters take two cells). In a
 * pipe: no header, tab-separated, tabs and newlines in cells replaced by
 * spaces, so `cut -f` and `awk -F'\t'` keep working.
 */
import type { Output } from './output.js';

export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string;
  /** Applied in the terminal only, after padding is measured. */
  readonly color?: (text: string, row: Row) => string;
  readonly align?: 'left' | 'right';
}

export function renderTable<Row>(out: Pick<Output, 'view' | 'style'>, rows: readonly Row[], columns: readonly Column<Row>[]): string {
  if (out.view !== 'tty') {
    return rows.map((r) => columns.map((c) => c.value(r).replace(/[\t\r\n]+/g, ' ')).join('\t') + '\n').join('');
  }
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((row) => displayWidth(row[i]!))));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - displayWidth(text));
    return columns[i]!.align === 'right' ? gap + text : text + gap;
  };
  const header = columns.map((c, i) => out.style.bold(pad(c.header, i))).join('  ').trimEnd();
  const body = cells.map((row, r) =>
    row
      .map((text, i) => {
        const padded = pad(text, i);
        const color = columns[i]!.color;
        return color ? padded.replace(text, color(text, rows[r]!)) : padded;
      })
      .join('  ')
      .trimEnd(),
  );
  return [header, ...body].join('\n') + '\n';
}

/** Cells a string takes in a terminal: wide (CJK, fullwidth) characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\u001b\[[0-9;]*m/g, '')) {
    const code = ch.codePointAt(0)!;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
