/**
 * Size limit of a catalogue file, shared by the file reader and the text
 * validator (kept apart from both so neither pulls in the other's imports).
 */

/**
 * Twenty times the shipped routes.yaml, room for ~1,500 attractions. yaml parses
 * about a million tokens in ~6 s, so this also bounds how long a hostile file can stall a run.
 */
export const MAX_CATALOGUE_BYTES = 2 * 1024 * 1024;

export function tooLargeMessage(shownPath: string, size: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `${shownPath} is ${mb(size)} MB; a catalogue may be at most ${mb(MAX_CATALOGUE_BYTES)} MB.`;
}
