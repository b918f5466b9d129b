/** The warning after an issue run added coverage lists to the trust file: gates cannot admit those passes until they have it. */
import type { Output } from '../cli/output.js';

export function warnCoverage(added: readonly string[], out: Output): void {
  if (added.length === 0) return;
  out.warn(
    `the trust file now lists the attractions of ${added.join(', ')} (these passes name their attractions by reference): ` +
      'copy it to every gate before the passes are used: `yangtze keys export > trust.json`',
  );
}
