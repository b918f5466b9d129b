/** Command-line options shared by the benchmark runners. */
export interface BenchArgs {
  readonly files: readonly string[];
  readonly tours: number;
  readonly seed: number;
  /** 0 = no wall-time limit (the run is then fully deterministic). */
  readonly timeLimitMs: number;
  readonly iterations: number;
  /** OPHS only: how far a trip may exceed its printed Td: 5e-5, half a unit of the 4th decimal Td is printed with. */
  readonly tolerance: number;
  /** TOPTW only: decimals travel times keep (rounded down); undefined = by file name (`pr*` 2, else 1). */
  readonly distanceDecimals?: number;
  /**
   * What `--time-limit` counts: `wall` (elapsed, the default) or `cpu` (this process's user + system
   * CPU time), which gives every instance the same computing on a machine shared with other jobs.
   */
  readonly clock: 'wall' | 'cpu';
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const files: string[] = [];
  let tours = 1;
  let seed = 1;
  let timeLimitMs = 1000;
  let iterations = Number.MAX_SAFE_INTEGER;
  let tolerance = 5e-5;
  let distanceDecimals: number | undefined;
  let clock: 'wall' | 'cpu' = 'wall';
  const num = (flag: string, value: string | undefined): number => {
    const v = Number(value);
    if (value === undefined || !Number.isFinite(v) || v < 0) throw new Error(`${flag} needs a non-negative number, got ${value ?? 'nothing'}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--tours') tours = num(a, argv[++i]);
    else if (a === '--seed') seed = num(a, argv[++i]);
    else if (a === '--time-limit') timeLimitMs = num(a, argv[++i]);
    else if (a === '--iterations') iterations = num(a, argv[++i]);
    else if (a === '--tolerance') tolerance = num(a, argv[++i]);
    else if (a === '--distance-decimals') distanceDecimals = num(a, argv[++i]);
    else if (a === '--clock') {
      const v = argv[++i];
      if (v !== 'wall' && v !== 'cpu') throw new Error(`--clock needs wall or cpu, got ${v ?? 'nothing'}`);
      clock = v;
    }
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) throw new Error('no instance files given');
  if (!Number.isInteger(tours) || tours < 1) throw new Error('--tours needs a positive integer');
  if (distanceDecimals !== undefined && !(distanceDecimals === 1 || distanceDecimals === 2)) {
    throw new Error('--distance-decimals needs 1 (Solomon: 0.1) or 2 (Cordeau pr*: 0.01)');
  }
  return { files, tours, seed, timeLimitMs, iterations, tolerance, clock, ...(distanceDecimals !== undefined ? { distanceDecimals } : {}) };
}
