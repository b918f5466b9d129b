/**
 * The three views of `pass products`: a table (terminal), TSV (pipe) and JSON
 * (`yangtze.pass-products`, schemaVersion 1).
 */
import type { Output } from '../cli/output.js';
import { renderTable, type Column } from '../cli/table.js';
import type { PassProduct } from '../domain/catalogue/model.js';

export const PRODUCTS_KIND = 'yangtze.pass-products';

/** "3 consecutive days from first use", "6 entries within 30 days", … */
export function describeValidity(p: PassProduct): string {
  const v = p.validity;
  const start = v.starts === 'fixed-date' ? `from ${v.startDate ?? '?'}` : v.starts === 'first-use' ? 'from first use' : 'from issue';
  const within = v.withinDays !== undefined ? ` within ${v.withinDays} days` : '';
  if (v.kind === 'consecutive-days') return `${v.days ?? 1} consecutive days ${start}`;
  if (v.kind === 'flex-days') return `${v.days ?? 1} days${within} ${start}`;
  return `${v.count ?? 0} entries${within} ${start}`;
}

export function describePrices(price: Readonly<Record<string, number>>): string {
  return Object.entries(price)
    .map(([c, x]) => `${c} ${x}`)
    .join(', ');
}

export function describeBlackout(p: PassProduct): string {
  return p.blackout.map((r) => (r.from === r.to ? r.from : `${r.from}..${r.to}`)).join(', ');
}

export function productsJson(products: readonly PassProduct[], currency: string): object {
  return {
    schemaVersion: 1,
    kind: PRODUCTS_KIND,
    currency,
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      nameZh: p.nameZh,
      validity: p.validity,
      entries: p.entries,
      attractions: p.attractionIds,
      price: p.price,
      blackout: p.blackout,
      reservationStillRequired: p.reservationStillRequired,
      ...(p.note ? { note: p.note } : {}),
    })),
  };
}

export function productsTable(out: Pick<Output, 'view' | 'style' | 'lang' | 'columns'>, products: readonly PassProduct[]): string {
  const columns: Column<PassProduct>[] = [
    { header: 'ID', value: (p) => p.id, color: (t) => out.style.cyan(t), whole: true },
    { header: out.lang === 'zh' ? 'NAME 名称' : 'NAME', value: (p) => (out.view === 'tty' ? (out.lang === 'zh' ? `${p.nameZh} ${p.name}` : `${p.name} ${p.nameZh}`) : p.name) },
    ...(out.view === 'tty' ? [] : [{ header: 'NAME_ZH', value: (p: PassProduct) => p.nameZh }]),
    { header: 'VALIDITY', value: describeValidity },
    { header: 'ENTRIES', value: (p) => p.entries },
    { header: 'COVERS', value: (p) => String(p.attractionIds.length), align: 'right' },
    { header: 'PRICES', value: (p) => describePrices(p.price) },
    { header: 'BLACKOUT', value: (p) => describeBlackout(p) || (out.view === 'tty' ? '-' : '') },
  ];
  return renderTable(out, products, columns);
}
