/** Best-known values from bks.csv (`problem,instance,tours,best_known,note`), keyed by problem/instance/tours. */
export function parseBks(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [problem, instance, tours, best] = line.split(',');
    if (problem === undefined || instance === undefined || best === undefined || problem === '') continue;
    out.set(bksKey(problem, instance, problem === 'ophs' ? undefined : Number(tours)), Number(best));
  }
  return out;
}

export function bksKey(problem: string, instance: string, tours: number | undefined): string {
  return problem === 'ophs' ? `ophs|${instance}` : `${problem}|${instance}|${tours ?? 1}`;
}

/** The benchmark set a result line belongs to: Solomon series by the digit after the letters; Cordeau `pr*`; OPHS by folder. */
export function setName(problem: string, instance: string, tours: number | undefined): string {
  if (problem === 'ophs') return `ophs ${instance.split('/')[0] ?? ''}`;
  if (/^pr\d+$/i.test(instance)) return `${problem} cordeau-pr m=${tours ?? 1}`;
  const series = /^[a-z]+([0-9])/i.exec(instance)?.[1];
  return `${problem} solomon${series ?? '?'}00 m=${tours ?? 1}`;
}
