/**
 * Does a catalogue price rest on an estimate? The per-fact provenance says:
 * the most specific entry wins (`price.child`, then `price.adult`, then
 * `price`); anything but `confirmed` is an estimate, and so is a price with
 * no provenance at all.
 */
import type { FactMap } from '../catalogue/model.js';

export function restsOnEstimate(provenance: FactMap | undefined, keys: readonly string[]): boolean {
  for (const key of keys) {
    const fact = provenance?.[key];
    if (fact) return fact.status !== 'confirmed';
  }
  return true;
}
