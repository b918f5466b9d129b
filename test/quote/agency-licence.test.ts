/**
 * The agency's licence in the letterhead: a Chinese document shows `licence_zh`, or, when the
 * profile has only `licence`, that text after the Chinese label 旅行社业务经营许可证 (the
 * document used to show the English line alone). An English document keeps `licence`.
 */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { readAgencyProfile } from '../../src/io/agency-profile-file.js';
import { renderLetterhead } from '../../src/export/html/quote-sections.js';
import { REPO_ROOT, runCli } from '../cli/helpers/run-cli.js';

const file = path.join(REPO_ROOT, 'test', 'quote', 'fixtures', 'agency', 'profile.yaml');
function profile(yaml: string) {
  const read = readAgencyProfile(yaml, file, 'profile.yaml');
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}

describe('the licence line', () => {
  it('zh: licence_zh when the profile has it; en: licence', () => {
    const p = profile('name: A\nlicence: "Licence L-HB-00001"\nlicence_zh: "旅行社业务经营许可证 L-HB-00001"\n');
    expect(renderLetterhead(p, 'zh')).toContain('旅行社业务经营许可证 L-HB-00001');
    expect(renderLetterhead(p, 'zh')).not.toContain('Licence L-HB-00001');
    expect(renderLetterhead(p, 'en')).toContain('Licence L-HB-00001');
  });

  it('zh without licence_zh: the licence under the Chinese label, not the English line alone', () => {
    const p = profile('name: A\nlicence: "L-HB-00001"\n');
    expect(renderLetterhead(p, 'zh')).toContain('旅行社业务经营许可证：L-HB-00001');
    expect(renderLetterhead(p, 'en')).toContain('L-HB-00001');
    expect(renderLetterhead(p, 'en')).not.toContain('旅行社');
  });

  it('licence_zh of the wrong type is an error at its line (exit 3 from the CLI, as every profile error)', async () => {
    const bad = readAgencyProfile('name: A\nlicence_zh: 12\n', file, 'profile.yaml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ file: 'profile.yaml', line: 2, path: ['licence_zh'] });
  });

  it('the sample profile has both, and the Chinese document of the saved 7-day plan shows the Chinese one', async () => {
    const run = await runCli(['quote', path.join(REPO_ROOT, 'test', 'quote', 'fixtures', 'plans', 'chongqing-nanchang-7d-evening-arrival.itinerary.json'), '--agency', path.join(REPO_ROOT, 'test', 'quote', 'fixtures', 'agency', 'agency.yaml'), '--format', 'html', '--lang', 'zh']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('旅行社业务经营许可证 L-SAMPLE-0000');
    expect(run.stdout).not.toContain('Licence L-SAMPLE-0000');
  });
});
