/**
 * The suite's test environment (test/support/fast-globals-environment.cjs):
 * test files get an ordinary global object, so in-process plans run at node's
 * speed, and still every global jest-environment-node provides.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { REPO_ROOT } from '../cli/helpers/run-cli.js';

type Environment = { getVmContext(): vm.Context | null; teardown(): Promise<void> };
type EnvironmentClass = new (config: unknown, context: unknown) => Environment;

const CONFIG = { projectConfig: { testEnvironmentOptions: {}, globals: {}, fakeTimers: {} }, globalConfig: {} };
const CONTEXT = { console, docblockPragmas: {}, testPath: 'fast-globals-environment.test.ts' };

async function environment(): Promise<Environment> {
  const file = './fast-globals-environment.cjs'; // CommonJS without types: jest loads it, tsc need not
  const { default: FastGlobals } = (await import(file)) as { default: EnvironmentClass };
  return new FastGlobals(CONFIG, CONTEXT);
}

describe('the test environment', () => {
  it('is the one jest.config.js names', () => {
    expect(readFileSync(path.join(REPO_ROOT, 'jest.config.js'), 'utf8')).toContain("testEnvironment: '<rootDir>/test/support/fast-globals-environment.cjs'");
  });

  it('runs test code on the context’s own global object, not on a contextified sandbox', async () => {
    const env = await environment();
    const context = env.getVmContext()!;
    expect(vm.isContext(context)).toBe(true);
    // A contextified sandbox is not the global its code sees (that is the slow interceptor in between).
    expect(vm.runInContext('globalThis', context)).toBe(context);
    await env.teardown();
  });

  it('still provides node’s globals and leaves vm.createContext as it was', async () => {
    const createContext = vm.createContext;
    const env = await environment();
    const context = env.getVmContext()!;
    expect(vm.runInContext('[typeof process, typeof Buffer, typeof setTimeout, typeof structuredClone, typeof global]', context)).toEqual([
      'object', 'function', 'function', 'function', 'object',
    ]);
    expect(vm.createContext).toBe(createContext);
    await env.teardown();
  });
});
