/**
 * Structured logs: one JSON object per line (NDJSON), one line per request,
 * plus lines for start, stop and failures. Lines are gathered during a turn of
 * the event loop and written with one write call, so logging costs little
 * under load; `flush()` writes what is pending at once (shutdown).
 * Nothing here ever sees a token, a secret or a holder's name: callers pass
 * the fields, and gate-service.ts passes only those named in LogLine.
 */
export interface LogLine {
  /** ISO 8601 UTC. */
  readonly time: string;
  readonly level: 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly [field: string]: unknown;
}

export interface RequestLog {
  write(line: LogLine): void;
  flush(): void;
}

/** Writes through `sink` (process.stderr's write, or a --log-file's). */
export function bufferedLog(sink: (text: string) => void): RequestLog {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    try {
      sink(text);
    } catch {
      // A closed or full log must never stop admissions; the lines are dropped.
    }
  };
  return {
    write(line) {
      pending.push(JSON.stringify(line) + '\n');
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
