/**
 * Tables for the terminal and for pipes. In a terminal: a header, aligned
 * columns measured by display width (CJK characters take two cells), and,
 * when the table is wider than the terminal, the widest text columns cut to
 * fit (each cut cell ends in `…`). In a pipe: no header, tab-separated, full
 * values, tabs and newlines in cells replaced by spaces, so `cut -f` and
 * `awk -F'\t'` keep working.
 */
import type { Output } from './output.js';
import { displayWidth, isWide, stripAnsi } from '../export/display-width.js';

export { displayWidth };

export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string;
  /**
   * Applied in the terminal only, after padding is measured. When the cell was
   * cut to fit, a colouring that does not keep the cut text is left off.
   */
  readonly color?: (text: string, row: Row) => string;
  /** Right-aligned columns (numbers) are never cut. */
  readonly align?: 'left' | 'right';
  /** Never cut to fit the terminal: ids that people copy into other commands. */
  readonly whole?: boolean;
  /**
   * How to cut this cell to `width` cells when it is wider (default: `truncate`
   * of the whole text): a cell of two names cuts each so both stay visible.
   */
  readonly cut?: (row: Row, width: number) => string;
  /**
   * The cells this column needs to be useful. In a terminal too narrow to give
   * it that (every other column at its narrowest), the `optional` columns are
   * left out, lowest first, until it has them or none is left.
   */
  readonly wants?: number;
  /** Left out of a terminal too narrow for a `wants` column; lower goes first. */
  readonly optional?: number;
}

/** Two spaces between columns. */
const GAP = 2;
/** A text column is not cut narrower than this (nor than its header): 11 lets `pass products` fit 100 columns. */
export const MIN_CUT_WIDTH = 11;

/** `out.columns`: the terminal width the tty view fits into; absent, nothing is cut. */
export function renderTable<Row>(out: Pick<Output, 'view' | 'style'> & { readonly columns?: number }, rows: readonly Row[], given: readonly Column<Row>[]): string {
  if (out.view !== 'tty') {
    return rows.map((r) => given.map((c) => c.value(r).replace(/[\t\r\n]+/g, ' ')).join('\t') + '\n').join('');
  }
  const columns = out.columns === undefined ? given : leaveOutFor(out.columns, rows, given);
  const full = rows.map((r) => columns.map((c) => c.value(r)));
  const natural = columns.map((c, i) => Math.max(displayWidth(c.header), ...full.map((row) => displayWidth(row[i]!))));
  const widths = out.columns === undefined ? natural : fitWidths(natural, columns, out.columns);
  const cells = full.map((row, r) =>
    row.map((text, i) => {
      const cut = columns[i]!.cut;
      return cut && displayWidth(text) > widths[i]! ? cut(rows[r]!, widths[i]!) : truncate(text, widths[i]!);
    }),
  );
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, widths[i]! - displayWidth(text)));
    return columns[i]!.align === 'right' ? gap + text : text + gap;
  };
  const header = columns.map((c, i) => out.style.bold(pad(c.header, i))).join(' '.repeat(GAP)).trimEnd();
  const body = cells.map((row, r) =>
    row
      .map((text, i) => {
        const padded = pad(text, i);
        const color = columns[i]!.color;
        if (!color) return padded;
        const colored = color(text, rows[r]!);
        // A colouring built from the row rather than the text would bring back what was cut.
        return text !== full[r]![i] && stripAnsi(colored) !== text ? padded : padded.replace(text, colored);
      })
      .join(' '.repeat(GAP))
      .trimEnd(),
  );
  return [header, ...body].join('\n') + '\n';
}

/**
 * The columns without the `optional` ones (lowest first) that keep a `wants`
 * column below what it wants when every other column is at its narrowest.
 */
function leaveOutFor<Row>(limit: number, rows: readonly Row[], columns: readonly Column<Row>[]): readonly Column<Row>[] {
  if (!columns.some((c) => c.wants !== undefined)) return columns;
  const narrowest = (c: Column<Row>) => {
    const natural = Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(c.value(r))));
    return c.align === 'right' || c.whole ? natural : Math.min(natural, Math.max(displayWidth(c.header), MIN_CUT_WIDTH, c.wants ?? 0));
  };
  const floors = new Map(columns.map((c) => [c, narrowest(c)]));
  let kept = [...columns];
  const tooWide = () => kept.reduce((sum, c) => sum + floors.get(c)!, 0) + GAP * (kept.length - 1) > limit;
  const byOrder = columns.filter((c) => c.optional !== undefined).sort((a, b) => a.optional! - b.optional!);
  for (const column of byOrder) {
    if (!tooWide()) break;
    kept = kept.filter((c) => c !== column);
  }
  return kept;
}

/**
 * Column widths that fit `limit` cells: the widest text column (not
 * right-aligned, not `whole`) loses a cell at a time, none below its header
 * or MIN_CUT_WIDTH. If that is not enough,
 * the table is left wider than the terminal (the terminal wraps it).
 */
function fitWidths<Row>(natural: readonly number[], columns: readonly Column<Row>[], limit: number): number[] {
  const widths = [...natural];
  const floor = columns.map((c, i) => Math.min(natural[i]!, Math.max(displayWidth(c.header), MIN_CUT_WIDTH)));
  let excess = widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1) - limit;
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (columns[i]!.align === 'right' || columns[i]!.whole || widths[i]! <= floor[i]!) continue;
      if (widest < 0 || widths[i]! > widths[widest]!) widest = i;
    }
    if (widest < 0) break;
    widths[widest]! -= 1;
    excess -= 1;
  }
  return widths;
}

/** `text` cut to `width` display cells, ending in `…` when cut (a wide character that would straddle the edge goes too). */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let kept = '';
  let used = 0;
  for (const ch of stripAnsi(text)) {
    const w = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (used + w > width - 1) break;
    kept += ch;
    used += w;
  }
  return kept + '…';
}
