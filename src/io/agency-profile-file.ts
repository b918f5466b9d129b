/**
 * `--agency FILE`: the agency profile, a small YAML file. Checked in full
 * (every problem with file:line:col); the logo path is relative to the
 * profile and is embedded as a data: URI (PNG, JPEG or SVG, up to 1 MB).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { issue, type Issue, type Result } from '../domain/issues.js';
import type { AgencyProfile } from '../domain/quote/agency-profile.js';
import { positionOf } from './yaml-positions.js';
import { yamlSyntaxIssues } from './yaml-syntax-issues.js';
import { zodIssues } from './zod-issues.js';

export const MAX_LOGO_BYTES = 1024 * 1024;
const LOGO_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' };

const profileSchema = z.strictObject({
  name: z.string().min(1),
  name_zh: z.string().optional(),
  logo: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an e-mail address').optional(),
  website: z.string().optional(),
  address: z.string().optional(),
  address_zh: z.string().optional(),
  licence: z.string().optional(),
  licence_zh: z.string().optional(),
  terms: z.string().optional(),
  terms_zh: z.string().optional(),
  valid_days: z.number().int().min(1).max(365).optional(),
});
const KEYS = Object.keys(profileSchema.shape);

/** `file`: where the profile is (the logo is found beside it); `shown`: how messages name it. */
export function readAgencyProfile(text: string, file: string, shown: string): Result<AgencyProfile> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const fail = (issues: Issue[]): Result<AgencyProfile> => ({ ok: false, issues, warnings: [] });
  if (doc.errors.length > 0) {
    return fail(yamlSyntaxIssues(doc.errors, lineCounter, shown, text));
  }
  const at = (i: Issue): Issue => {
    const pos = positionOf(doc as Document, lineCounter, i.path, i.code === 'unknown-key' ? 'key' : i.code === 'missing-key' ? 'parent' : 'value');
    return { ...i, file: shown, ...(pos ?? {}) };
  };
  const parsed = profileSchema.safeParse(doc.toJS({ maxAliasCount: 100 }) ?? {}, { reportInput: true });
  if (!parsed.success) return fail(zodIssues(parsed.error, () => KEYS).map(at));
  const p = parsed.data;
  let logoDataUri: string | undefined;
  if (p.logo !== undefined) {
    const logo = path.resolve(path.dirname(file), p.logo);
    const type = LOGO_TYPES[path.extname(logo).toLowerCase()];
    let size = -1;
    try {
      size = statSync(logo).isFile() ? statSync(logo).size : -1;
    } catch {
      size = -1;
    }
    if (!type) return fail([at(issue('bad-logo', ['logo'], `The logo must be a .png, .jpg or .svg file, not "${p.logo}".`))]);
    if (size < 0) return fail([at(issue('logo-not-found', ['logo'], `Logo file "${p.logo}" not found next to the profile.`))]);
    if (size > MAX_LOGO_BYTES) return fail([at(issue('logo-too-large', ['logo'], `The logo is ${size} bytes; at most ${MAX_LOGO_BYTES} bytes are embedded.`))]);
    logoDataUri = `data:${type};base64,${readFileSync(logo).toString('base64')}`;
  }
  const opt = <K extends string, V>(k: K, v: V | undefined) => (v !== undefined ? { [k]: v } : {});
  return {
    ok: true,
    value: {
      name: p.name,
      ...opt('nameZh', p.name_zh),
      ...opt('logoDataUri', logoDataUri),
      ...opt('phone', p.phone),
      ...opt('email', p.email),
      ...opt('website', p.website),
      ...opt('address', p.address),
      ...opt('addressZh', p.address_zh),
      ...opt('licence', p.licence),
      ...opt('licenceZh', p.licence_zh),
      ...opt('terms', p.terms),
      ...opt('termsZh', p.terms_zh),
      ...opt('validDays', p.valid_days),
    } as AgencyProfile,
    warnings: [],
  };
}
