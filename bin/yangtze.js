#!/usr/bin/env node
import module from 'node:module';
// The compile cache roughly halves start-up on the second and later runs.
module.enableCompileCache?.();
await import('../dist/src/cli/main.js');
