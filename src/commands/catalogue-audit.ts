/**
 * `yangtze catalogue audit [--status S] [--older-than DURATION|DATE]
 * [--attraction ID] [--city C]`: the catalogue's facts by status and age, so
 * an agency sees what rests on an estimate and what is due for a re-check.
 * Exit 0 whatever it finds: the listing is the answer.
 */
import type { CliContext } from '../cli/context.js';
import { UsageError } from '../cli/errors.js';
import { dateInZone } from '../domain/calendar/date-in-zone.js';
import { addDays, isIsoDate } from '../domain/calendar/iso-date.js';
import { auditFacts, type AuditFilters, type FactAudit } from '../domain/catalogue/fact-audit.js';
import { FACT_STATUSES, type Catalogue, type FactStatus, type IsoDate } from '../domain/catalogue/model.js';
import { didYouMean } from '../domain/did-you-mean.js';
import { renderCatalogueAudit } from '../export/catalogue-audit.js';

export interface CatalogueAuditOptions {
  /** confirmed, estimate or assumed; comma-separated for several. */
  readonly status?: string;
  /** A duration back from today (90d, 6w, 12mo, 1y) or a date YYYY-MM-DD. */
  readonly olderThan?: string;
  /** An attraction, city, link or pass id. */
  readonly attraction?: string;
  /** City id or name: the items in (or, for links, leaving from) it. */
  readonly city?: string;
}

export function runCatalogueAudit(options: CatalogueAuditOptions, catalogue: Catalogue, today: IsoDate): FactAudit {
  const filters: AuditFilters = {
    ...(options.status !== undefined ? { statuses: parseStatuses(options.status) } : {}),
    ...(options.olderThan !== undefined ? { checkedBefore: parseOlderThan(options.olderThan, today) } : {}),
    ...(options.attraction !== undefined ? { item: findItem(options.attraction, catalogue) } : {}),
    ...(options.city !== undefined ? { city: findCity(options.city, catalogue) } : {}),
  };
  return auditFacts(catalogue, filters, today);
}

export async function catalogueAudit(ctx: CliContext, options: CatalogueAuditOptions): Promise<void> {
  const catalogue = await ctx.catalogue();
  const today = dateInZone(ctx.effects.now(), catalogue.timezone).date;
  ctx.out.result(renderCatalogueAudit(runCatalogueAudit(options, catalogue, today), ctx.out));
}

function parseStatuses(text: string): FactStatus[] {
  const out: FactStatus[] = [];
  for (const raw of text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    const status = FACT_STATUSES.find((s) => s === raw);
    if (!status) {
      const close = didYouMean(raw, FACT_STATUSES);
      throw new UsageError(`--status: unknown status '${raw}'`, `${close ? `Did you mean '${close}'? ` : ''}Statuses: ${FACT_STATUSES.join(', ')}.`);
    }
    if (!out.includes(status)) out.push(status);
  }
  if (out.length === 0) throw new UsageError('--status: no status given', `Statuses: ${FACT_STATUSES.join(', ')}.`);
  return out;
}

const DAYS_PER_UNIT: Readonly<Record<string, number>> = { d: 1, w: 7, mo: 30, y: 365 };

/** "12mo" back from today, or a date: facts checked before that day (or never) are listed. */
export function parseOlderThan(text: string, today: IsoDate): IsoDate {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    if (!isIsoDate(t)) throw new UsageError(`--older-than: ${t} is not a date on the calendar`);
    return t;
  }
  const m = /^(\d+)(d|w|mo|y)$/.exec(t);
  if (!m) throw new UsageError(`--older-than: '${text}' is neither a duration nor a date`, 'Write a duration like 90d, 6w, 12mo or 1y, or a date YYYY-MM-DD.');
  return addDays(today, -Number(m[1]) * DAYS_PER_UNIT[m[2]!]!);
}

function findItem(id: string, c: Catalogue): string {
  const ids = [...c.attractions.map((a) => a.id), ...c.cities.map((x) => x.id), ...c.links.flatMap((l) => (l.id ? [l.id] : [])), ...c.passes.map((p) => p.id)];
  if (ids.includes(id)) return id;
  const close = didYouMean(id, ids);
  throw new UsageError(`--attraction: no attraction, city, link or pass '${id}' in the catalogue`, close ? `Did you mean '${close}'?` : 'Run `yangtze catalogue list` for the ids.');
}

function findCity(text: string, c: Catalogue): string {
  const wanted = text.trim().toLowerCase();
  const city = c.cities.find((x) => x.id === wanted || x.name.toLowerCase() === wanted || x.nameZh === text.trim());
  if (city) return city.id;
  const close = didYouMean(wanted, c.cities.map((x) => x.id));
  throw new UsageError(`--city: no city '${text}' in the catalogue`, `${close ? `Did you mean '${close}'? ` : ''}Cities: ${c.cities.map((x) => x.id).join(', ')}.`);
}
