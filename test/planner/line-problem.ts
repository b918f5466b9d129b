import type { Problem } from '../../src/domain/planner/problem.js';

/** One day [0, close] from and to a depot at x = 0; visits at `xs` with one window each; travel |a - b|. */
export function lineModelProblem(xs: number[], windows: [number, number][], close: number): Problem {
  const places = [0, ...xs];
  return {
    placeCount: places.length,
    days: [{ open: 0, close, start: 0, ends: [0] }],
    visits: xs.map((_, i) => ({
      key: `v${i}`, place: i + 1, duration: 0, score: 1,
      windows: [[{ open: windows[i]![0], close: windows[i]![1] }]],
    })),
    travel: {
      arrive: (a, b, t) => t + Math.abs(places[a]! - places[b]!),
      minDuration: (a, b) => Math.abs(places[a]! - places[b]!),
      isStatic: true,
    },
  };
}
