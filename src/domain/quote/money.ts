/**
 * Money is integer fen (1 yuan = 100 fen) everywhere in a quote: sums,
 * shares and margins are exact. Yuan amounts from files have at most two
 * decimals (the schema checks), so rounding to the nearest fen only removes
 * binary noise (0.1 + 0.2), never a real fraction.
 */
export type Fen = number;

export const FEN_PER_YUAN = 100;

export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * FEN_PER_YUAN);
}

export function sumFen(values: readonly Fen[]): Fen {
  return values.reduce((a, b) => a + b, 0);
}

/** Integer division rounding up, for non-negative integers: the agency never sells below cost. */
export function ceilDiv(numerator: number, denominator: number): number {
  return Math.floor((numerator + denominator - 1) / denominator);
}

/** "1,234.50" — yuan with two decimals and thousands separators, from fen. */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / FEN_PER_YUAN).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % FEN_PER_YUAN).toString().padStart(2, '0');
  return `${sign}${whole}.${cents}`;
}

/** "1234.50" — for CSV and pipes: no separators. */
export function plainYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / FEN_PER_YUAN)}.${(abs % FEN_PER_YUAN).toString().padStart(2, '0')}`;
}
