/**
 * Links usable from one city to another: a link runs both ways unless
 * `oneway`, in which case only from → to.
 */
import type { Catalogue, Link } from '../catalogue/model.js';

/** A link oriented in the direction of travel. */
export interface DirectedLink {
  readonly from: string;
  readonly to: string;
  readonly link: Link;
}

export function directedLinks(catalogue: Catalogue): DirectedLink[] {
  const out: DirectedLink[] = [];
  for (const link of catalogue.links) {
    out.push({ from: link.from, to: link.to, link });
    if (!link.oneway) out.push({ from: link.to, to: link.from, link });
  }
  return out;
}
