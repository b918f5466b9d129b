/**
 * The shipped catalogue (routes.yaml) and the China holiday calendar, loaded
 * once per test file, and a request builder with the CLI's defaults.
 */
import path from 'node:path';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import type { PlanRequest } from '../../src/domain/itinerary/itinerary.js';
import { loadCatalogueFile } from '../../src/io/load-catalogue.js';
import { chinaHolidayCalendar } from '../../src/io/china-holidays.js';
import { REPO_ROOT } from '../cli/helpers/run-cli.js';

export const SHIPPED = path.join(REPO_ROOT, 'routes.yaml');

export async function shippedCatalogue(): Promise<{ catalogue: Catalogue; calendar: HolidayCalendar }> {
  const result = await loadCatalogueFile(SHIPPED, 'routes.yaml');
  if (!result.ok) throw new Error(`routes.yaml does not load: ${result.issues.map((i) => i.message).join('; ')}`);
  return { catalogue: result.value, calendar: chinaHolidayCalendar(result.value.holidays) };
}

export function aRequest(partial: Partial<PlanRequest> & { from: string }): PlanRequest {
  return {
    start: '2026-05-12',
    days: 2,
    themes: [],
    party: { adult: 1 },
    dayStart: '08:00',
    dayEnd: '20:00',
    must: [],
    avoid: [],
    pace: 'standard',
    seed: 1,
    ...partial,
  };
}
