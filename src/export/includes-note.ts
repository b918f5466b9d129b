/**
 * The sites a booked product takes the party to (a visit's `includes`: the Two Dams One Gorge
 * boat to the Three Gorges Dam and through Xiling Gorge), as a note after its name in every view,
 * so that the customer sees the dam is part of the boat day and not left out.
 */
import type { VisitItem } from '../domain/itinerary/itinerary.js';
import type { Lang } from './locale.js';

/** " · includes A, B" / " · 含：A、B", or '' for a visit that includes nothing. */
export function includesNote(item: VisitItem, nameOf: (id: string) => string, lang: Lang): string {
  if (item.includes === undefined || item.includes.length === 0) return '';
  const names = item.includes.map(nameOf);
  return lang === 'zh' ? ` · 含：${names.join('、')}` : ` · includes ${names.join(', ')}`;
}
