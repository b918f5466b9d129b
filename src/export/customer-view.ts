/**
 * What a customer's copy of a plan leaves out (issue 12 item 8): the views
 * meant to be sent — HTML and Markdown — carry no scores and none of the
 * agent's working notes. Stops left out because of the agent's own choices
 * (another theme, --avoid) are the agent's business; a left-out must-see or
 * a closed highlight is the customer's.
 */
import type { Itinerary, UnscheduledEntry } from '../domain/itinerary/itinerary.js';

const AGENT_ONLY_REASONS: ReadonlySet<UnscheduledEntry['reason']> = new Set(['theme', 'avoided']);

export function customerUnscheduled(itinerary: Itinerary): UnscheduledEntry[] {
  return itinerary.unscheduled.filter((u) => !AGENT_ONLY_REASONS.has(u.reason));
}
