/** Spelling suggestions for unknown keys, ids and flags. */

/** Pick the closest candidate for "did you mean", or undefined if nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(input.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  const allowed = Math.max(2, Math.floor(input.length / 3));
  // A guess that rewrites half of what was typed is no guess ('foo' is not a misspelt 'eco', '' no '5A').
  if (best !== undefined && bestDistance <= allowed && bestDistance * 2 <= input.length) return best;
  // Prefix or substring matches ("yellow-crane" for "yellow-crane-tower").
  for (const c of candidates) if (input.length >= 3 && c.includes(input)) return c;
  return undefined;
}

/**
 * The one wording of a suggestion, used by every command and check:
 * `Did you mean 'wuhan'?`; undefined when nothing is close. `show` turns the
 * candidate into what the person should type (`plan check` for `check`).
 */
export function didYouMeanHint(input: string, candidates: Iterable<string>, show: (candidate: string) => string = (c) => c): string | undefined {
  const close = didYouMean(input, candidates);
  return close === undefined ? undefined : suggestionText(show(close));
}

/** `Did you mean 'X'?` for a suggestion already chosen. */
export function suggestionText(candidate: string): string {
  return `Did you mean '${candidate}'?`;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
