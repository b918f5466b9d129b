/**
 * The three views of a pass quote: terminal (grouped per rider category, both
 * languages' names), pipe (one TSV row per pass or single ticket, then totals)
 * and JSON (`yangtze.pass-quote`, schemaVersion 1).
 */
import type { ChalkInstance } from 'chalk';
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Quote } from '../domain/passes/quote.js';
import { ESTIMATE_MARK, estimateHeading } from './estimate-notes.js';

export const QUOTE_KIND = 'yangtze.pass-quote';

export function quoteJson(quote: Quote): object {
  return { schemaVersion: 1, kind: QUOTE_KIND, ...quote };
}

/**
 * Columns: row kind (pass|single|category|total), category, travellers, product or attraction,
 * valid from (or visit date), valid until, price per traveller, visits covered, walk-up value.
 */
export function quotePipe(quote: Quote): string {
  const rows: (string | number)[][] = [];
  for (const c of quote.categories) {
    for (const p of c.passes) rows.push(['pass', c.category, c.travellers, p.product, p.validFrom, p.validUntil, p.price, p.visits.length, p.walkUpValue]);
    for (const s of c.singles) rows.push(['single', c.category, c.travellers, s.attraction, s.date, s.date, s.price, 1, s.price]);
    rows.push(['category', c.category, c.travellers, '', '', '', c.bundle, c.passes.length + c.singles.length, c.walkUp]);
  }
  const heads = quote.categories.reduce((a, c) => a + c.travellers, 0);
  rows.push(['total', '', heads, '', '', '', quote.bundleTotal, quote.visits.length, quote.walkUpTotal]);
  return rows.map((r) => r.join('\t') + '\n').join('');
}

export function quoteTty(quote: Quote, catalogue: Catalogue, style: ChalkInstance, lang: 'en' | 'zh'): string {
  const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const pass = new Map(catalogue.passes.map((p) => [p.id, p]));
  const attraction = new Map(catalogue.attractions.map((a) => [a.id, a]));
  const names = (en: string, zh: string) => (lang === 'zh' ? `${zh} ${style.dim(en)}` : `${en} ${style.dim(zh)}`);
  const site = (id: string) => {
    const a = attraction.get(id);
    return a ? names(a.name, a.nameZh) : id;
  };
  const dates = quote.visits.map((v) => v.date).sort();
  const lines = [
    style.bold(`Pass quote: ${quote.visits.length} visits, ${dates[0] ?? '-'}..${dates.at(-1) ?? '-'} (${quote.currency})`),
  ];
  if (!quote.optimal) lines.push(style.yellow('The search stopped before proving the cheapest bundle: showing walk-up prices.'));
  for (const c of quote.categories) {
    lines.push('', style.bold(`${c.category} × ${c.travellers}`));
    for (const p of c.passes) {
      const product = pass.get(p.product);
      lines.push(
        `  ${style.cyan('pass')}    ${product ? names(product.name, product.nameZh) : p.product}  ${p.validFrom}..${p.validUntil}  ` +
          `${money(p.price)}  covers ${p.visits.length} visit${p.visits.length === 1 ? '' : 's'} worth ${money(p.walkUpValue)}`,
      );
      if (p.worstDrop) {
        const d = p.worstDrop;
        const verdict = d.stillPays
          ? style.green(`still pays (${money(d.walkUpValueAfter)} > ${money(p.price)})`)
          : style.yellow(`no longer pays (${money(d.walkUpValueAfter)} ≤ ${money(p.price)})`);
        lines.push(`          if ${site(d.attraction)} (${d.date}) is dropped: ${verdict}`);
      }
    }
    for (const s of c.singles) lines.push(`  ${style.dim('single')}  ${site(s.attraction)}  ${s.date}  ${money(s.price)}${s.estimate ? style.yellow(ESTIMATE_MARK) : ''}`);
    lines.push(`  per traveller: walk-up ${money(c.walkUp)}, bundle ${money(c.bundle)}, saves ${style.green(money(c.savings))}`);
  }
  if (quote.categories.some((c) => c.singles.some((s) => s.estimate))) lines.push('', style.yellow(estimateHeading(lang)));
  lines.push(
    '',
    style.bold(`Party: walk-up ${money(quote.walkUpTotal)}, bundle ${money(quote.bundleTotal)}, saves ${money(quote.savings)} ${quote.currency}`),
  );
  return lines.join('\n') + '\n';
}
