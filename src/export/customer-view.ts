/**
 * What a customer's copy of a plan leaves out (issue 12 item 8): the views
 * meant to be sent — HTML and Markdown — carry no scores and none of the
 * agent's working notes. Stops left out because of the agent's own choices
 * (another theme, --avoid) are the agent's business; a left-out must-see or
 * a closed highlight is the customer's.
 */
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Itinerary, UnscheduledEntry } from '../domain/itinerary/itinerary.js';
import type { Lang } from './locale.js';
import { unscheduledDetail } from './unscheduled-detail.js';

const AGENT_ONLY_REASONS: ReadonlySet<UnscheduledEntry['reason']> = new Set(['theme', 'avoided']);

export function customerUnscheduled(itinerary: Itinerary): UnscheduledEntry[] {
  return itinerary.unscheduled.filter((u) => !AGENT_ONLY_REASONS.has(u.reason));
}

/** The agent's instruction at the end of an optional excursion's reason (to-itinerary.ts cruiseOption). */
const AGENT_INSTRUCTION = /: add it with --must \S+$/;

/**
 * A left-out stop's sentence as the customer reads it: without the agent's instruction (the
 * HTML and Markdown said "not chosen: add it with --must baidicheng-qutang" to the customer;
 * operator's review, session 8). The Chinese sentence has none (unscheduled-detail.ts).
 */
export function customerUnscheduledDetail(u: UnscheduledEntry, it: Itinerary, catalogue: Catalogue, lang: Lang): string {
  return unscheduledDetail(u, it, catalogue, lang).replace(AGENT_INSTRUCTION, '');
}
