/**
 * Resolves a price or fare table per rider category: the file's own amounts
 * win, then the item's own `discounts` (per-site overrides), then the
 * catalogue's `discount_rules` (national rules such as "students pay half").
 * Each derived amount gets the provenance of what it was derived from, so an
 * agent can tell a published child price from one a rule produced.
 */
import type { DiscountRule, DiscountScope, Fact, FactMap, PaysPercent } from './model.js';

export interface ResolvedPrices {
  readonly price: Readonly<Record<string, number>>;
  /** Provenance entries for the derived amounts, keyed `<prefix>.<category>`. */
  readonly derived: FactMap;
}

/**
 * @example
 * // adult 80, a rule "child pays half" for attractions:
 * resolvePrices({ adult: 80 }, {}, [childHalf], { scope: 'attractions', defaultId: 'adult', categories: ['adult', 'child'], prefix: 'price' })
 * // → { price: { adult: 80, child: 40 }, derived: { 'price.child': childHalf.fact } }
 */
export function resolvePrices(
  stated: Readonly<Record<string, number>>,
  ownDiscounts: Readonly<Record<string, PaysPercent>>,
  rules: readonly DiscountRule[],
  opts: {
    readonly scope: DiscountScope;
    readonly defaultId: string;
    readonly categories: readonly string[];
    readonly prefix: string;
    /** Provenance of the item's own `discounts` entry, if any. */
    readonly ownDiscountsFact?: Fact | undefined;
  },
): ResolvedPrices {
  const full = stated[opts.defaultId];
  if (full === undefined) return { price: stated, derived: {} };
  const price: Record<string, number> = { ...stated };
  const derived: Record<string, Fact> = {};
  for (const category of opts.categories) {
    if (category in price) continue;
    const own = ownDiscounts[category];
    if (own !== undefined) {
      price[category] = share(full, own);
      if (opts.ownDiscountsFact) derived[`${opts.prefix}.${category}`] = { ...opts.ownDiscountsFact, derivedFrom: 'discounts' };
      continue;
    }
    const rule = rules.find((r) => r.category === category && r.appliesTo.includes(opts.scope));
    if (rule) {
      price[category] = share(full, rule.paysPercent);
      derived[`${opts.prefix}.${category}`] = { ...rule.fact, note: ruleNote(rule), derivedFrom: 'discount-rule' };
    }
  }
  return { price, derived };
}

/** A whole percentage of an amount, in exact cents. */
export function share(amount: number, percent: PaysPercent): number {
  return Math.round((Math.round(amount * 100) * percent) / 100) / 100;
}

export function paysPercent(pays: 'free' | 'half' | 'full' | number): PaysPercent {
  return pays === 'free' ? 0 : pays === 'half' ? 50 : pays === 'full' ? 100 : pays;
}

function ruleNote(rule: DiscountRule): string {
  const what = rule.paysPercent === 0 ? 'free' : rule.paysPercent === 50 ? 'half price' : `${rule.paysPercent} % of the full price`;
  return [`discount rule: ${rule.category} ${what}`, rule.rule, rule.fact.note].filter(Boolean).join('; ');
}
