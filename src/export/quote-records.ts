/**
 * The quote as flat records, for the pipe (TSV) and CSV views: one record per
 * cost line, per price row, the totals and each pax-range row, with the record
 * kind in the first column so `awk '$1 == "person"'` picks one kind. Amounts
 * are yuan with two decimals (exact: they come from integer fen).
 * Columns (docs/CLI.md, `quote`):
 *   line    day date section label unit quantity unit_price total estimate basis
 *   person  row category basis travellers net sell estimate
 *   total   travellers net sell margin currency
 *   pax     travellers per_person group single_supplement
 */
import { plainYuan } from '../domain/quote/money.js';
import type { TripQuote } from '../domain/quote/quote-model.js';


export function quoteRecords(q: TripQuote, lang: 'en' | 'zh'): string[][] {
  const yes = (b: boolean) => (b ? 'estimate' : '');
  const out: string[][] = [];
  for (const l of q.lines) {
    out.push(['line', String(l.day ?? ''), l.date ?? '', l.section, l.label[lang], l.unit, String(l.quantity), plainYuan(l.unitFen), plainYuan(l.totalFen), yes(l.estimate), l.basis]);
  }
  for (const r of q.rows) {
    out.push(['person', r.row.id, r.row.category, r.row.basis, String(r.row.travellers), plainYuan(r.netFen), plainYuan(r.sellFen), yes(r.estimate)]);
  }
  out.push(['total', String(q.totals.travellers), plainYuan(q.totals.netFen), plainYuan(q.totals.sellFen), plainYuan(q.totals.marginFen), q.currency]);
  for (const p of q.paxRange) out.push(['pax', String(p.travellers), plainYuan(p.perPersonFen), plainYuan(p.groupFen), plainYuan(p.singleSupplementFen)]);
  return out;
}

export function quoteTsv(q: TripQuote, lang: 'en' | 'zh'): string {
  return quoteRecords(q, lang).map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t') + '\n').join('');
}

export const QUOTE_CSV_HEADER = ['record', 'day', 'date', 'section', 'label', 'unit', 'quantity', 'unit_price', 'total', 'estimate', 'basis', 'row', 'category', 'travellers', 'net', 'sell', 'margin', 'single_supplement', 'currency'] as const;

/**
 * RFC 4180 (a header row, CRLF line ends, quoted where needed): the same
 * records as the pipe view, each filling the named columns that apply to it.
 */
export function quoteCsv(q: TripQuote, lang: 'en' | 'zh'): string {
  const rows: Record<string, string>[] = [];
  const yes = (b: boolean) => (b ? 'yes' : '');
  for (const l of q.lines) {
    rows.push({ record: 'line', day: String(l.day ?? ''), date: l.date ?? '', section: l.section, label: l.label[lang], unit: l.unit, quantity: String(l.quantity), unit_price: plainYuan(l.unitFen), total: plainYuan(l.totalFen), estimate: yes(l.estimate), basis: l.basis });
  }
  for (const r of q.rows) rows.push({ record: 'person', row: r.row.id, category: r.row.category, travellers: String(r.row.travellers), net: plainYuan(r.netFen), sell: plainYuan(r.sellFen), estimate: yes(r.estimate) });
  rows.push({ record: 'total', travellers: String(q.totals.travellers), net: plainYuan(q.totals.netFen), sell: plainYuan(q.totals.sellFen), margin: plainYuan(q.totals.marginFen), currency: q.currency });
  for (const p of q.paxRange) rows.push({ record: 'pax', travellers: String(p.travellers), sell: plainYuan(p.perPersonFen), total: plainYuan(p.groupFen), single_supplement: plainYuan(p.singleSupplementFen) });
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [QUOTE_CSV_HEADER.join(','), ...rows.map((r) => QUOTE_CSV_HEADER.map((h) => cell(r[h] ?? '')).join(','))].map((l) => l + '\r\n').join('');
}
