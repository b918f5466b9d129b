/**
 * What a missing system tool means for the tests that need it (helpers/tools.ts):
 * skipped with a line saying which tool and how to install it, or, on CI, a failure.
 */
import { describe, expect, it } from '@jest/globals';
import { missingToolMessage, toolVerdict } from './helpers/tools.js';

describe('a test tool that is not installed', () => {
  it('runs the tests when the tool is there, CI or not', () => {
    expect([toolVerdict(true, {}), toolVerdict(true, { CI: 'true' })]).toEqual(['run', 'run']);
  });

  it('skips them on a developer machine and fails them on CI (CI=true, as .ci/run sets)', () => {
    expect(toolVerdict(false, {})).toBe('skip');
    expect(toolVerdict(false, { CI: 'false' })).toBe('skip');
    expect(toolVerdict(false, { CI: 'true' })).toBe('fail');
    expect(toolVerdict(false, { CI: '1' })).toBe('fail');
  });

  it('says what is skipped, which tool is missing and how to install it', () => {
    expect(missingToolMessage({ what: 'OP upper-bound script against brute force', tool: 'CBC', commands: ['cbc'], install: 'apt-get install -y coinor-cbc' })).toBe(
      'OP upper-bound script against brute force: CBC is not installed (apt-get install -y coinor-cbc)',
    );
  });
});
