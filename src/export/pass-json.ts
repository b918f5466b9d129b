/**
 * The pass JSON document (design/CLI.md): `pass issue --json` and
 * `pass export --format json|ndjson`. Keys and their order are the contract.
 * The export writes the document piece by piece (`passJsonChunks`), so a
 * ledger of any size streams through constant memory.
 */
import type { IsoDate } from '../domain/catalogue/model.js';
import type { LedgerPass } from '../io/ledger/ledger-pass.js';

export const PASSES_KIND = 'yangtze.passes';

export type PassStatus = 'issued' | 'active' | 'used-up' | 'expired' | 'revoked' | 'refunded';

export interface PassJson {
  readonly id: string;
  readonly product: string;
  readonly holder: string;
  readonly category: string;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
  readonly attractions: readonly string[];
  readonly price: number;
  readonly status: PassStatus;
  readonly booking: string | null;
  readonly token: string;
}

/** The keys of one pass, in order (also the CSV columns). */
export const PASS_JSON_KEYS = ['id', 'product', 'holder', 'category', 'validFrom', 'validUntil', 'attractions', 'price', 'status', 'booking', 'token'] as const;

/** The stored status, with `expired` for issued or active passes past their last day. */
export function passStatus(pass: LedgerPass, today: IsoDate): PassStatus {
  if ((pass.status === 'issued' || pass.status === 'active') && today > pass.validUntil) return 'expired';
  return pass.status;
}

export function toPassJson(pass: LedgerPass, today: IsoDate): PassJson {
  return {
    id: pass.id,
    product: pass.product,
    holder: pass.holder,
    category: pass.category,
    validFrom: pass.validFrom,
    validUntil: pass.validUntil,
    attractions: pass.attractions,
    price: pass.price,
    status: passStatus(pass, today),
    booking: pass.booking,
    token: pass.token,
  };
}

/** The whole document for a few passes (issue). */
export function passesDocument(passes: readonly LedgerPass[], today: IsoDate): string {
  return [...passJsonChunks(passes, today)].join('');
}

/** The document as text chunks, one pass per chunk, formatted like `toJson` (two-space indent). */
export function* passJsonChunks(passes: Iterable<LedgerPass>, today: IsoDate): Generator<string> {
  yield `{\n  "schemaVersion": 1,\n  "kind": "${PASSES_KIND}",\n  "passes": [`;
  let first = true;
  for (const pass of passes) {
    const body = JSON.stringify(toPassJson(pass, today), null, 2).replace(/\n/g, '\n    ');
    yield `${first ? '' : ','}\n    ${body}`;
    first = false;
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

/** NDJSON: one pass object per line, no envelope. */
export function* passNdjsonChunks(passes: Iterable<LedgerPass>, today: IsoDate): Generator<string> {
  for (const pass of passes) yield JSON.stringify(toPassJson(pass, today)) + '\n';
}
