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
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const files: string[] = [];
  let tours = 1;
  let seed = 1;
  let timeLimitMs = 1000;
  let iterations = Number.MAX_SAFE_INTEGER;
  let tolerance = 5e-5;
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
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) throw new Error('no instance files given');
  if (!Number.isInteger(tours) || tours < 1) throw new Error('--tours needs a positive integer');
  return { files, tours, seed, timeLimitMs, iterations, tolerance };
}
