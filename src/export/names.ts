/**
 * Display names by language and view. A terminal shows both names, the
 * chosen language first ("Yellow Crane Tower 黄鹤楼" / "黄鹤楼 Yellow Crane
 * Tower"); pipes and JSON always give the English name, so scripts see the
 * same text whatever --lang is.
 */
import type { Lang, View } from '../cli/output.js';
import { truncate } from '../cli/table.js';
import { displayWidth } from './display-width.js';

export interface Named {
  readonly name: string;
  readonly nameZh?: string;
}

export function displayName(named: Named, lang: Lang, view: View): string {
  if (view !== 'tty') return named.name;
  const zh = named.nameZh?.trim();
  if (!zh || zh === named.name) return named.name;
  return lang === 'zh' ? `${zh} ${named.name}` : `${named.name} ${zh}`;
}

/** One name in the chosen language, for tight spaces (a city column). */
export function shortName(named: Named, lang: Lang): string {
  return lang === 'zh' && named.nameZh ? named.nameZh : named.name;
}

/**
 * The terminal's two names cut to `width` cells so that both stay in sight:
 * a name that fits in half the room is kept whole and the other takes the
 * rest; otherwise each gets half. Each cut part ends in `…`.
 */
export function cutDisplayName(named: Named, lang: Lang, width: number): string {
  const whole = displayName(named, lang, 'tty');
  if (displayWidth(whole) <= width) return whole;
  const zh = named.nameZh?.trim();
  if (!zh || zh === named.name || width < 2 * 4 + 1) return truncate(whole, width);
  const [first, second] = lang === 'zh' ? [zh, named.name] : [named.name, zh];
  const room = width - 1;
  const half = Math.floor(room / 2);
  const firstWidth = displayWidth(first) <= half ? displayWidth(first) : displayWidth(second) <= room - half ? room - displayWidth(second) : half;
  return `${cutPart(first, firstWidth)} ${cutPart(second, room - firstWidth)}`;
}

/** `truncate`, without a space left before the `…`. */
function cutPart(text: string, width: number): string {
  return truncate(text, width).replace(/\s+…$/, '…');
}
