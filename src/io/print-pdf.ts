/**
 * HTML → PDF through the system's Chromium (headless `--print-to-pdf`; the
 * page's own @page rule sets A4). Nothing is bundled: when Chromium is not
 * installed the caller says so. The PDF is printed beside the target and
 * renamed over it, so a failed print never leaves half a file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** `YANGTZE_CHROMIUM` if set, else the first Chromium on PATH. */
export function findChromium(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.YANGTZE_CHROMIUM) return existsSync(env.YANGTZE_CHROMIUM) ? env.YANGTZE_CHROMIUM : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of CANDIDATES) {
      const file = path.join(dir, name);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

export type PrintResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

export function printPdf(chromium: string, html: string, target: string): PrintResult {
  const work = mkdtempSync(path.join(tmpdir(), 'yangtze-pdf-'));
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  try {
    const page = path.join(work, 'quote.html');
    writeFileSync(page, html);
    const run = spawnSync(
      chromium,
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${path.join(work, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${partial}`, `file://${page}`],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (run.error || !existsSync(partial) || statSync(partial).size === 0) {
      return { ok: false, message: `Chromium (${chromium}) did not print the PDF${run.error ? `: ${run.error.message}` : run.status ? ` (exit ${run.status})` : ''}` };
    }
    renameSync(partial, target);
    return { ok: true };
  } finally {
    rmSync(partial, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
