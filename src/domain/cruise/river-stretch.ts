/**
 * The stretch of river between two ports, whichever way it is sailed: a trip that sails it up and
 * back down sees the same gorges twice, and the second sailing is worth none of them again.
 */
export function riverStretch(a: string, b: string): string {
  return a < b ? `${a}~${b}` : `${b}~${a}`;
}
