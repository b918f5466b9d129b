/**
 * Help text shared by the command groups: every command's `--help` ends with
 * examples (test/cli/help.test.ts checks that each has some).
 */

/**
 * `[command line, what it does]` rows as the "Examples:" block commander
 * prints after the options: what it does as a comment above the line, so
 * long command lines still fit 80 columns.
 */
export function examples(rows: readonly (readonly [string, string])[]): string {
  return `\nExamples:\n${rows.map(([cmd, what]) => `  # ${what}\n  $ ${cmd}`).join('\n')}\n`;
}
