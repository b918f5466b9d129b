/**
 * Display names by language and view. A terminal shows both names, the
 * chosen language first ("Yellow Crane Tower 黄鹤楼" / "黄鹤楼 Yellow Crane
 * Tower"); pipes and JSON always give the English name, so scripts see the
 * same text whatever --lang is.
 */
import type { Lang, View } from '../cli/output.js';

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
