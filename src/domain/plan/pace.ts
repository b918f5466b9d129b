/**
 * What `--pace` changes. A relaxed party lingers (visits × 1.25) and needs
 * more slack between stops; a packed one moves briskly (× 0.8).
 */
import type { Minutes } from '../catalogue/model.js';
import type { Pace } from '../itinerary/itinerary.js';

export interface PaceRules {
  /** Multiplies the catalogue's typical visit length. */
  readonly visitFactor: number;
  /** Added to every local leg (see travel-model.ts). */
  readonly transferAllowanceMin: Minutes;
  /** Minutes cut from the end of the day window, for a rest before dinner. */
  readonly eveningRestMin: Minutes;
}

export const PACES: Readonly<Record<Pace, PaceRules>> = {
  relaxed: { visitFactor: 1.25, transferAllowanceMin: 20, eveningRestMin: 60 },
  standard: { visitFactor: 1, transferAllowanceMin: 15, eveningRestMin: 0 },
  packed: { visitFactor: 0.8, transferAllowanceMin: 10, eveningRestMin: 0 },
};

/** Visit length at this pace, rounded to 5 minutes as itineraries show it. */
export function paceVisitMin(visitMin: Minutes, pace: Pace): Minutes {
  return Math.max(5, Math.round((visitMin * PACES[pace].visitFactor) / 5) * 5);
}
