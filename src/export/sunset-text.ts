/**
 * A plan day's sunset in words, for every view that shows a day with an
 * outdoor site (the itinerary JSON carries `days[].sunset`): "Sunset 17:34 at
 * Yuelu Mountain: outdoor visits end by then" / "日落 17:34（岳麓山）：户外景点在此之前结束".
 */
import type { Catalogue } from '../domain/catalogue/model.js';
import type { DaySunset } from '../domain/calendar/daylight-window.js';
import { placeName, type Lang } from './locale.js';

export function sunsetLine(s: DaySunset, catalogue: Catalogue, lang: Lang): string {
  const where = placeName(catalogue, s.at, lang);
  return lang === 'zh' ? `日落 ${s.time}（${where}）：户外景点在此之前结束` : `Sunset ${s.time} at ${where}: outdoor visits end by then`;
}
