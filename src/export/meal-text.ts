/**
 * How a meal break reads in every view (text, markdown, html, csv, ics):
 * "Lunch near Yellow Crane Tower", with its cost marked as an estimate.
 */
import type { Catalogue } from '../domain/catalogue/model.js';
import type { MealItem } from '../domain/itinerary/itinerary.js';
import { formatMoney, placeName, type Lang } from './locale.js';

const WORDS = {
  en: { lunch: 'Lunch', dinner: 'Dinner', near: (p: string) => `near ${p}`, in: (c: string) => `in ${c}`, inside: (p: string) => `at ${p}, during the visit`, estimate: 'est.' },
  zh: { lunch: '午餐', dinner: '晚餐', near: (p: string) => `（${p}附近）`, in: (c: string) => `（${c}）`, inside: (p: string) => `（${p}内，游览途中）`, estimate: '估' },
} as const;

/**
 * "Lunch near Yellow Crane Tower" / "午餐（黄鹤楼附近）"; a city as `near` reads "in Wuhan"; a lunch
 * inside a long visit (`within`) "Lunch at East Lake, during the visit" — "near" read as leaving it
 * (12:00–13:00 "Lunch near East Lake" under a visit of 09:00–13:00).
 */
export function mealTitle(item: MealItem, catalogue: Catalogue, lang: Lang): string {
  const W = WORDS[lang];
  const where = placeName(catalogue, item.near, lang);
  const at = item.within !== undefined ? W.inside(where) : item.near === item.city ? W.in(where) : W.near(where);
  return lang === 'zh' ? `${W[item.meal]}${at}` : `${W[item.meal]} ${at}`;
}

/** "est. ¥120" — meal prices are estimates, never sourced fares. */
export function mealCost(item: MealItem, currency: string, lang: Lang): string {
  return `${WORDS[lang].estimate} ${formatMoney(item.cost, currency, lang)}`;
}
