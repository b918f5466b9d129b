/**
 * Where a boat boards when the catalogue names a pier for the sailing taken that is not the
 * site's point (catalogue `piers`: the Two Rivers evening boats board at Hankou Yuehan pier,
 * across the river from the catalogue's point in Wuchang), as a note after the visit's name in
 * every people view. No point of the pier is sourced, so the plan's transfers are timed to the
 * site's point: the note says so, rather than let the customer ride to the wrong bank.
 */
import type { Catalogue } from '../domain/catalogue/model.js';
import type { VisitItem } from '../domain/itinerary/itinerary.js';
import { tripMinute } from '../domain/itinerary/itinerary-time.js';
import type { Lang } from './locale.js';

/** " · boards at …" / " · 登船码头：…", or '' when the sailing taken has no pier of its own. */
export function pierNote(item: VisitItem, catalogue: Catalogue, lang: Lang): string {
  const a = catalogue.attractions.find((x) => x.id === item.attraction);
  if (a?.piers === undefined || item.aboard !== undefined) return '';
  const startMin = tripMinute(item.start.slice(0, 10), item.start) ?? Number.NaN;
  const pier = a.piers.find((p) => startMin >= p.departures.fromMin && startMin <= p.departures.toMin);
  if (pier === undefined) return '';
  if (lang === 'zh') return ` · 登船码头：${pier.nameZh ?? pier.name}（接送时间按目录中该景点的位置估算，请预订时确认码头）`;
  return ` · boards at ${pier.name}${pier.nameZh ? ` (${pier.nameZh})` : ''}; transfers are timed to the catalogue's point, an estimate: confirm the pier when booking`;
}
