import type { Command } from 'commander';
import type { Effects } from './effects.js';

export function register(program: Command, effects: Effects): void {
  void program;
  void effects;
}
