/**
 * Every side effect the CLI needs, in one object, so tests swap it instead of
 * patching globals (the idea of prettier's mockable.js).
 */
export interface Stream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Effects {
  readonly stdout: Stream;
  readonly stderr: Stream;
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Wall clock, milliseconds since the epoch: "today" and issue times. */
  now(): number;
  /** Monotonic milliseconds, for solver time limits and progress. */
  monotonicMs(): number;
  /** Reads all of stdin (for `-`). */
  readStdin(): Promise<string>;
  /**
   * Calls `stop` on SIGTERM or SIGINT (a long-running command's graceful stop);
   * returns a function that unhooks it. Absent: nothing stops the command but itself.
   */
  onStopSignal?(stop: (signal: string) => void): () => void;
}

export function processEffects(): Effects {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
    monotonicMs: () => performance.now(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    onStopSignal(stop) {
      let seen = 0;
      const handler = (signal: NodeJS.Signals) => {
        // A second signal while stopping gives up on the requests still under way.
        if (++seen > 1) process.exit(130);
        stop(signal);
      };
      process.on('SIGTERM', handler).on('SIGINT', handler);
      return () => void process.off('SIGTERM', handler).off('SIGINT', handler);
    },
  };
}
