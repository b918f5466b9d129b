/**
 * `pass issue --plan PLAN.json --holder NAME [--id-number N] [--category C] …`:
 * quotes the plan's cheapest bundle for the party the holders make up, signs
 * one pass per holder and bundled product, records them in the ledger (one
 * transaction) and shows them: QR codes in a terminal, TSV in a pipe, the
 * pass JSON with --json; `--qr-dir` writes one PNG or SVG per pass.
 */
import path from 'node:path';
import { DataError, NoAnswer, UsageError, UserError } from '../cli/errors.js';
import type { Output } from '../cli/output.js';
import type { Catalogue } from '../domain/catalogue/model.js';
import { didYouMean, suggestionText } from '../domain/did-you-mean.js';
import { describeControl, firstControlCharacter, neutraliseControls } from '../domain/control-characters.js';
import type { Itinerary } from '../domain/itinerary/itinerary.js';
import { priceFor } from '../domain/passes/ledger-new-claims.js';
import { checkIdDocument, ID_TYPES, type IdType } from '../domain/passes/id-document.js';
import { quoteBundle } from '../domain/passes/quote.js';
import { shanghaiDate, shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import type { Signer } from '../domain/passes/token.js';
import { passesDocument, toPassJson } from '../export/pass-json.js';
import { passQrText, writePassQrFiles, type QrFormat } from '../export/pass-qr.js';
import { bookingKey, passFromRow, type LedgerPass, type PassRow } from '../io/ledger/ledger-pass.js';
import type { Ledger, LedgerTarget } from '../io/ledger/ledger-port.js';
import { signPass } from '../io/ledger/sign-pass.js';
import { withLedger } from '../io/ledger/with-ledger.js';
import { fileError, prepareOutputDir, readTextFile } from '../io/pass-files.js';
import { ensureCoverage } from '../io/keys.js';
import { warnCoverage } from './coverage-warning.js';

export interface PassIssueOptions {
  readonly plan: string;
  /** The plan's path as messages show it (displayPath); default: `plan`. */
  readonly shownPlan?: string;
  readonly holders: readonly string[];
  readonly idNumbers: readonly string[];
  /** Document type of the --id-number in the same position (id-document.ts); default `prc`. */
  readonly idTypes?: readonly string[];
  readonly categories: readonly string[];
  readonly booking?: string;
  readonly qrDir?: string;
  readonly qrFormat: QrFormat;
}

export interface PassIssueDeps extends LedgerTarget {
  readonly catalogue: Catalogue;
  readonly nowMs: number;
  /** A function is called only once the flags and the plan are read and checked, so those errors come first. */
  readonly signer: Signer | (() => Signer | Promise<Signer>);
}

export interface PassIssueResult {
  readonly passes: readonly LedgerPass[];
  /** Passes of this booking issued by an earlier run (same booking, holder, product). */
  readonly alreadyIssued: readonly LedgerPass[];
  /** Visits no pass covers: the party buys single tickets for these. */
  readonly singles: number;
  readonly qrFiles: readonly string[];
  readonly today: string;
  /** Coverage references this run added to the trust file (ensureCoverage). */
  readonly coverageAdded: readonly string[];
}

export async function runPassIssue(opts: PassIssueOptions, deps: PassIssueDeps): Promise<PassIssueResult> {
  const { catalogue } = deps;
  if (opts.holders.length === 0) throw new UsageError('missing --holder: name each traveller (repeat --holder)');
  if (opts.idNumbers.length > opts.holders.length) throw new UsageError(`${opts.idNumbers.length} --id-number values for ${opts.holders.length} --holder`);
  if (opts.categories.length > opts.holders.length) throw new UsageError(`${opts.categories.length} --category values for ${opts.holders.length} --holder`);
  const categoryIds = catalogue.riderCategories.map((c) => c.id);
  const defaultCategory = catalogue.riderCategories.find((c) => c.isDefault)?.id ?? categoryIds[0] ?? 'adult';
  const travellers = opts.holders.map((holder, i) => {
    const category = opts.categories[i] ?? defaultCategory;
    if (!categoryIds.includes(category)) {
      const near = didYouMean(category, categoryIds);
      throw new UsageError(`--category: unknown rider category "${category}"`, near ? suggestionText(near) : `expected one of ${categoryIds.join(', ')}`);
    }
    if (holder.trim() === '') throw new UsageError('--holder: a holder name cannot be empty');
    const control = firstControlCharacter(holder);
    if (control >= 0) {
      throw new UsageError(`--holder "${neutraliseControls(holder)}" holds the control character ${describeControl(holder[control]!)}, which would act on the gate's screen; remove it`);
    }
    const idNumber = opts.idNumbers[i];
    if (idNumber) checkIdFlag(holder.trim(), idNumber, opts.idTypes?.[i], shanghaiDate(deps.nowMs));
    return { holder: holder.trim(), category, ...(idNumber ? { idNumber } : {}) };
  });
  // Two travellers who share a name are told apart by their place among the --holder flags of that
  // name (1, 2, …: the ledger's key is booking, holder, traveller, product), so each gets a pass and
  // the same command run again issues nothing new.
  const named = new Map<string, number>();
  const numbered = travellers.map((t) => {
    const traveller = (named.get(t.holder) ?? 0) + 1;
    named.set(t.holder, traveller);
    return { ...t, traveller };
  });
  const itinerary = readPlan(opts.plan, opts.shownPlan ?? opts.plan);
  // Outputs are checked before anything is committed: passes issued without their images invite a retry that duplicates them.
  if (opts.qrDir) prepareOutputDir(opts.qrDir, qrRole, 'nothing was issued');
  const party: Record<string, number> = {};
  for (const t of travellers) party[t.category] = (party[t.category] ?? 0) + 1;
  const quote = quoteBundle(itinerary, catalogue, party);
  const products = new Map(catalogue.passes.map((p) => [p.id, p]));
  const issuedAt = shanghaiTimestamp(deps.nowMs);
  const signer = typeof deps.signer === 'function' ? await deps.signer() : deps.signer;
  const chosen = quote.categories.flatMap((c) => c.passes.map((q) => products.get(q.product)!));
  const coverage = ensureCoverage(deps.home, [...new Set(chosen)]);
  const rows: PassRow[] = [];
  for (const t of numbered) {
    const chosen = quote.categories.find((c) => c.category === t.category);
    for (const q of chosen?.passes ?? []) {
      const product = products.get(q.product)!;
      rows.push(
        signPass(
          {
            product,
            holder: t.holder,
            traveller: t.traveller,
            category: t.category,
            ...(t.idNumber ? { idNumber: t.idNumber } : {}),
            validFrom: q.validFrom,
            validUntil: q.validUntil,
            ...(opts.booking ? { booking: opts.booking } : {}),
            price: priceFor(product, t.category, defaultCategory) ?? q.price,
            ...(coverage.refs.has(product.id) ? { coverage: coverage.refs.get(product.id)! } : {}),
          },
          signer,
          { at: issuedAt, currency: catalogue.currency },
        ),
      );
    }
  }
  const singles = quote.categories.reduce((n, c) => n + c.singles.length * c.travellers, 0);
  if (rows.length === 0) {
    throw new NoAnswer(`no pass product pays off for ${path.basename(opts.plan)}: buy single tickets for its ${quote.visits.length} visits`);
  }
  const outcome = await withLedger(deps, { create: true }, async (ledger) => {
    const inserted = await ledger.insertPasses(rows);
    return { inserted: inserted.inserted, before: await storedPasses(ledger, inserted.skipped) };
  });
  const passes = outcome.inserted.map(passFromRow);
  const today = shanghaiDate(deps.nowMs);
  const qrFiles = opts.qrDir ? await writeQr(passes, opts.qrDir, opts.qrFormat) : [];
  return { passes, alreadyIssued: outcome.before, singles, qrFiles, today, coverageAdded: coverage.added };
}

/** A mistyped ID number would make the gate's check fail for the genuine holder: refused before anything is issued. */
function checkIdFlag(holder: string, idNumber: string, type: string | undefined, today: string): void {
  const idType = type ?? 'prc';
  if (!(ID_TYPES as readonly string[]).includes(idType)) {
    const near = didYouMean(idType, ID_TYPES);
    throw new UsageError(`--id-type: unknown document type "${idType}"`, near ? suggestionText(near) : `expected one of ${ID_TYPES.join(', ')}`);
  }
  const problem = checkIdDocument(idType as IdType, idNumber, today);
  if (problem) {
    throw new UsageError(
      `--id-number for ${neutraliseControls(holder)}: not a ${idType === 'prc' ? 'PRC resident ID' : idType} number: ${problem}; nothing was issued`,
      idType === 'prc' ? 'For a passport or another document, add --id-type passport|other in the same position.' : undefined,
    );
  }
}

const qrRole = { what: 'QR folder', flag: '--qr-dir', kind: 'a folder' };

/** The passes in the ledger that made these rows redundant (same booking, holder, traveller, product): the ones to name. */
async function storedPasses(ledger: Ledger, skipped: readonly PassRow[]): Promise<LedgerPass[]> {
  if (skipped.length === 0) return [];
  const wanted = new Set(skipped.map((r) => bookingKey({ booking: r.booking ?? '', holder: r.holder, traveller: r.traveller, product: r.product })));
  const found: LedgerPass[] = [];
  for await (const p of ledger.iteratePasses()) {
    if (p.booking !== null && wanted.has(bookingKey({ booking: p.booking, holder: p.holder, traveller: p.traveller, product: p.product }))) found.push(p);
  }
  return found;
}

/** The passes are in the ledger by now: a failure here says so, and `pass export` has their tokens. */
async function writeQr(passes: readonly LedgerPass[], dir: string, format: QrFormat): Promise<string[]> {
  try {
    return await writePassQrFiles(passes, dir, format);
  } catch (error) {
    const failure = fileError(error, dir, qrRole, 'write');
    if (!(failure instanceof UserError)) throw error;
    throw new UserError(`${failure.message}; the ${passes.length} pass(es) were issued all the same: \`yangtze pass export\` has their tokens`, failure.exitCode);
  }
}

function readPlan(file: string, shown: string): Itinerary {
  const text = readTextFile(file, { what: 'plan', flag: '--plan', shown, kind: 'an itinerary JSON file (`yangtze plan --json`)' });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${shown}: not JSON (${(error as Error).message})`);
  }
  const v = value as Partial<Itinerary> | null;
  if (!v || v.kind !== 'yangtze.itinerary' || !Array.isArray(v.days)) {
    throw new DataError(`${shown}: not an itinerary (expected "kind": "yangtze.itinerary", as \`yangtze plan --json\` writes)`);
  }
  return v as Itinerary;
}

export async function renderPassIssue(result: PassIssueResult, out: Output): Promise<void> {
  warnCoverage(result.coverageAdded, out);
  if (result.alreadyIssued.length > 0) {
    out.warn(`${result.alreadyIssued.length} pass(es) of this booking were already issued and were not issued again: ${result.alreadyIssued.map((p) => p.id).join(', ')}`);
  }
  if (out.view === 'json') {
    out.result(passesDocument(result.passes, result.today));
    return;
  }
  if (out.view === 'pipe') {
    out.result(
      result.passes
        .map((p) => [p.id, p.product, p.holder, p.category, p.validFrom, p.validUntil, String(p.price), p.booking ?? '', p.token].map((c) => neutraliseControls(c)).join('\t'))
        .join('\n'),
    );
    return;
  }
  const s = out.style;
  const blocks: string[] = [];
  for (const p of result.passes) {
    const j = toPassJson(p, result.today);
    const qr = await passQrText(p.token);
    blocks.push(
      `${s.bold(j.id)}  ${j.product}  ${s.cyan(neutraliseControls(j.holder))} (${j.category})\n` +
        `valid ${j.validFrom}..${j.validUntil}  ${j.attractions.length} attractions  ${j.price} ${p.currency}${j.booking ? `  booking ${neutraliseControls(j.booking)}` : ''}\n` +
        qr,
    );
  }
  out.result(blocks.join('\n'));
  if (result.qrFiles.length > 0) out.info(`QR codes written: ${result.qrFiles.join(', ')}`);
  if (result.singles > 0) out.info(`${result.singles} visit(s) are not covered by a pass: buy single tickets for them (see \`yangtze pass quote\`).`);
}

