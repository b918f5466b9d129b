/**
 * A saved itinerary (PLAN.json) for the commands that price one (`pass quote`,
 * `quote`): a missing file is exit 4, text that is not JSON or not an
 * itinerary is exit 3, naming the file and the first wrong field.
 */
import { existsSync } from 'node:fs';
import { displayPath, type CliContext } from '../cli/context.js';
import { DataError, NotFoundError } from '../cli/errors.js';
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Itinerary } from '../domain/itinerary/itinerary.js';
import { readPlanDocument } from '../domain/passes/plan-document.js';
import { readTextFile } from '../io/pass-files.js';

export function readPlanFile(ctx: CliContext, planFile: string, catalogue: Catalogue): Itinerary {
  const file = ctx.resolve(planFile);
  const shown = displayPath(ctx.effects.cwd, file);
  if (!existsSync(file)) throw new NotFoundError(`plan file not found: ${shown}`, 'save one with `yangtze plan … --json -o PLAN.json`');
  const text = readTextFile(file, { what: 'plan file', shown, kind: 'an itinerary JSON file (`yangtze plan --json`)' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${shown}: not JSON (${(error as Error).message})`);
  }
  const plan = readPlanDocument(json, catalogue);
  if (!plan.ok) throw new DataError(`${shown}: ${plan.field}: ${plan.message}${plan.hint ? ` (${plan.hint})` : ''}`);
  return plan.itinerary;
}
