/**
 * The agency's margin and its rounding rule, applied to a net price per
 * person. Percentages are held in basis points (1 % = 100) so the arithmetic
 * stays in integers: a markup adds a share of the net, a commission is a share
 * of the selling price (sell = net / (1 − c)). Both round up to the fen, so
 * the margin is never below the one asked for.
 */
import { ceilDiv, FEN_PER_YUAN, type Fen } from './money.js';

export type Margin = { readonly kind: 'none' } | { readonly kind: 'markup' | 'commission'; readonly basisPoints: number };

/** 'none' keeps the exact fen; 'up-to' rounds each per-person price up to a multiple of `yuan`. */
export type Rounding = { readonly kind: 'none' } | { readonly kind: 'up-to'; readonly yuan: number };

export const NO_MARGIN: Margin = { kind: 'none' };
export const DEFAULT_ROUNDING: Rounding = { kind: 'up-to', yuan: 1 };

const BP = 10_000;

export function applyMargin(netFen: Fen, margin: Margin): Fen {
  if (margin.kind === 'none') return netFen;
  if (margin.kind === 'markup') return ceilDiv(netFen * (BP + margin.basisPoints), BP);
  return ceilDiv(netFen * BP, BP - margin.basisPoints);
}

export function applyRounding(fen: Fen, rounding: Rounding): Fen {
  if (rounding.kind === 'none') return fen;
  const step = rounding.yuan * FEN_PER_YUAN;
  return ceilDiv(fen, step) * step;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string; readonly hint?: string };

/** "15%", "15", "12.5%" → basis points; at most two decimals. */
export function parsePercent(text: string): number | undefined {
  const m = /^\s*(\d{1,4})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function parseMargin(markup: string | undefined, commission: string | undefined): Parsed<Margin> {
  if (markup !== undefined && commission !== undefined) {
    return { ok: false, message: '--markup and --commission cannot be combined; give one', hint: 'a markup is added to the net cost, a commission is a share of the selling price' };
  }
  if (markup !== undefined) {
    const bp = parsePercent(markup);
    if (bp === undefined || bp > 100_000) return { ok: false, message: `--markup ${markup}: give a percentage from 0% to 1000%, like 15%` };
    return { ok: true, value: { kind: 'markup', basisPoints: bp } };
  }
  if (commission !== undefined) {
    const bp = parsePercent(commission);
    if (bp === undefined || bp >= BP) return { ok: false, message: `--commission ${commission}: give a percentage below 100%, like 10%` };
    return { ok: true, value: { kind: 'commission', basisPoints: bp } };
  }
  return { ok: true, value: NO_MARGIN };
}

/** "none", "up-to-1", "up-to-10", "up-to-100" (any whole number of yuan). */
export function parseRounding(text: string | undefined): Parsed<Rounding> {
  if (text === undefined) return { ok: true, value: DEFAULT_ROUNDING };
  if (text === 'none') return { ok: true, value: { kind: 'none' } };
  const m = /^up-to-(\d{1,6})$/.exec(text);
  if (!m || Number(m[1]) < 1) return { ok: false, message: `--rounding ${text}: use none or up-to-N (whole yuan), like up-to-10` };
  return { ok: true, value: { kind: 'up-to', yuan: Number(m[1]) } };
}

export function describeMargin(margin: Margin): string {
  if (margin.kind === 'none') return 'none';
  return `${margin.kind} ${formatBasisPoints(margin.basisPoints)}`;
}

export function formatBasisPoints(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = bp % 100;
  return frac === 0 ? `${whole}%` : `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
}
