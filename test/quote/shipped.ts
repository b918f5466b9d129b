/** The shipped catalogue and two golden plans, for quote specs. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { Itinerary } from '../../src/domain/itinerary/itinerary.js';
import { EMPTY_RATES } from '../../src/domain/quote/rates.js';
import type { QuoteOptions } from '../../src/domain/quote/quote-model.js';
import { validateCatalogueDocument } from '../../src/io/catalogue-document.js';
import { REPO_ROOT } from '../cli/helpers/run-cli.js';

const loaded = validateCatalogueDocument(readFileSync(path.join(REPO_ROOT, 'routes.yaml'), 'utf8'), 'routes.yaml');
if (!loaded.ok) throw new Error('the shipped catalogue does not load');
export const shipped: Catalogue = loaded.value;
export const shippedRates = shipped.rates ?? EMPTY_RATES;

/**
 * Frozen copies of two planner goldens (test/quote/fixtures/plans/, as they were before the
 * planner added meal items): the quote's own goldens should not move whenever the planner's do.
 */
const PLANS = path.join(REPO_ROOT, 'test', 'quote', 'fixtures', 'plans');

export function goldenPlan(name: string): Itinerary {
  return JSON.parse(readFileSync(path.join(PLANS, `${name}.itinerary.json`), 'utf8')) as Itinerary;
}

export const CRUISE_PLAN = path.join(PLANS, 'cruise-chongqing-wuhan.itinerary.json');

export function options(over: Partial<QuoteOptions> = {}): QuoteOptions {
  return {
    party: { adult: 2, child: 1 },
    grade: '4star',
    rooms: 'twin',
    childBed: 'share',
    transport: 'vehicle',
    guide: 'en',
    cabin: 'standard',
    margin: { kind: 'markup', basisPoints: 1500 },
    rounding: { kind: 'up-to', yuan: 10 },
    paxRange: [],
    ...over,
  };
}
