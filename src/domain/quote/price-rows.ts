/**
 * Who sleeps where, as price rows: grown travellers (every category but
 * `child`) share twin rooms, one left over (or all, with --rooms single)
 * takes a room alone; children share their parents' room, take an extra bed,
 * or have rooms of their own. Each row is priced per person.
 */
import type { ChildBed, PriceRow, RoomPlan } from './quote-model.js';

export const CHILD = 'child';

export function priceRows(party: Readonly<Record<string, number>>, rooms: RoomPlan, childBed: ChildBed, defaultCategory: string): PriceRow[] {
  const present = Object.entries(party).filter(([, n]) => n > 0);
  let grown = present.filter(([c]) => c !== CHILD);
  const children = party[CHILD] ?? 0;
  // Children travelling alone cannot share a parent's room: they sleep as grown travellers do.
  const childrenAlone = grown.length === 0;
  if (childrenAlone) grown = present;
  grown.sort(([a], [b]) => (a === defaultCategory ? -1 : b === defaultCategory ? 1 : 0));
  const total = grown.reduce((s, [, n]) => s + n, 0);
  let singles = rooms === 'single' ? total : total % 2;
  const rows: PriceRow[] = [];
  // With twin rooms the one person left over is taken from the first (default) category.
  for (const [category, n] of grown) {
    const alone = rooms === 'single' ? n : Math.min(singles, n);
    singles -= rooms === 'single' ? 0 : alone;
    if (n - alone > 0) rows.push({ id: `${category}:twin`, category, basis: 'twin', travellers: n - alone });
    if (alone > 0) rows.push({ id: `${category}:single`, category, basis: 'single', travellers: alone });
  }
  if (children > 0 && !childrenAlone) rows.push({ id: `${CHILD}:${childBed}`, category: CHILD, basis: childBed, travellers: children });
  return rows;
}

export function headsOf(rows: readonly PriceRow[], ids: readonly string[]): number {
  return rows.filter((r) => ids.includes(r.id)).reduce((s, r) => s + r.travellers, 0);
}
