/** Finding optional system tools (Chromium, tmux, poppler) so tests can skip, saying why, when one is missing. */
import { spawnSync } from 'node:child_process';

export function which(...names: string[]): string | undefined {
  for (const name of names) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

/** Logs once why a group of tests is skipped (the skip itself is in the describe). */
export function noteSkip(what: string, missing: string, install: string): void {
  console.warn(`[skipped] ${what}: ${missing} is not installed (${install}).`);
}
