/**
 * The catalogue commands as functions: options and a catalogue in, data out,
 * then each view of that data. Whole-CLI runs are in catalogue.test.ts.
 */
import { describe, it, expect } from '@jest/globals';
import { runCatalogueList } from '../../src/commands/catalogue-list.js';
import { runCatalogueShow } from '../../src/commands/catalogue-show.js';
import { createOutput } from '../../src/cli/output.js';
import { ExitCode, UserError } from '../../src/cli/errors.js';
import { renderAttractionList } from '../../src/export/catalogue-list.js';
import { renderShow } from '../../src/export/catalogue-show.js';
import { displayName } from '../../src/export/names.js';
import { aCatalogue, aSeason } from '../builders/catalogue-builder.js';
import { fakeEffects, stripAnsi } from './helpers/run-cli.js';

const catalogue = aCatalogue()
  .withCity({ id: 'wuhan', name: 'Wuhan', nameZh: '武汉' })
  .withCity({ id: 'changsha', name: 'Changsha', nameZh: '长沙' })
  .withAttraction({ id: 'yellow-crane-tower', name: 'Yellow Crane Tower', nameZh: '黄鹤楼', rating: '5A', price: { adult: 70, child: 35 } })
  .withAttraction({ id: 'east-lake', name: 'East Lake', nameZh: '东湖', themes: ['eco', 'water'], rating: '5A', price: { adult: 0 } })
  .withAttraction({
    id: 'hunan-museum',
    name: 'Hunan Museum',
    nameZh: '湖南博物院',
    city: 'changsha',
    rating: '4A',
    closedWeekdays: ['mon'],
    holidays: 'open',
    hours: [aSeason({ openMin: 9 * 60, closeMin: 17 * 60, lastEntryMin: 16 * 60 })],
    facts: { checked: '2025-09', unconfirmed: ['hours'], sources: ['https://example.org/hunan-museum'] },
  })
  .build();

/** Wuhan, Thursday 2026-10-01 08:00: the first day of Golden Week. */
const goldenWeekMorning = Date.parse('2026-10-01T08:00:00+08:00');

function usageErrorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('catalogue list', () => {
  it('lists every attraction in catalogue order without filters', () => {
    expect(runCatalogueList({}, catalogue).attractions.map((a) => a.id)).toEqual(['yellow-crane-tower', 'east-lake', 'hunan-museum']);
  });

  it('filters by theme, city (id or name) and rating together', () => {
    const ids = (o: Parameters<typeof runCatalogueList>[0]) => runCatalogueList(o, catalogue).attractions.map((a) => a.id);
    expect(ids({ theme: 'water' })).toEqual(['east-lake']);
    expect(ids({ theme: 'eco,cultural', city: 'Wuhan' })).toEqual(['yellow-crane-tower', 'east-lake']);
    expect(ids({ city: '长沙' })).toEqual(['hunan-museum']);
    expect(ids({ rating: '4a' })).toEqual(['hunan-museum']);
  });

  it('rejects an unknown theme with the flag, a suggestion and exit code 2', () => {
    const error = usageErrorOf(() => runCatalogueList({ theme: 'ecco' }, catalogue));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toBe("--theme: unknown theme 'ecco'");
    expect(error.hint).toBe("Did you mean 'eco'? Themes: eco, cultural, red, water.");
  });

  it('rejects an unknown city and rating the same way', () => {
    expect(usageErrorOf(() => runCatalogueList({ city: 'wuhn' }, catalogue)).hint).toMatch(/^Did you mean 'wuhan'\?/);
    expect(usageErrorOf(() => runCatalogueList({ rating: '6A' }, catalogue)).message).toBe("--rating: unknown rating '6A'");
  });
});

describe('catalogue show', () => {
  it('gives the next seven days from today in Wuhan, with Golden Week reopening a Monday-closed museum', () => {
    const result = runCatalogueShow('hunan-museum', catalogue, goldenWeekMorning);
    if (result.kind !== 'attraction') throw new Error('expected an attraction');
    expect(result.days.map((d) => [d.date, d.weekday, d.day.kind, d.opening.open])).toEqual([
      ['2026-10-01', 'thu', 'holiday', true],
      ['2026-10-02', 'fri', 'holiday', true],
      ['2026-10-03', 'sat', 'holiday', true],
      ['2026-10-04', 'sun', 'holiday', true],
      ['2026-10-05', 'mon', 'holiday', true],
      ['2026-10-06', 'tue', 'holiday', true],
      ['2026-10-07', 'wed', 'holiday', true],
    ]);
    expect(result.yearsWithoutHolidays).toEqual([]);
  });

  it('takes "today" in the catalogue time zone, not UTC', () => {
    // 2026-10-11 20:00 UTC is already Monday 12 October in Wuhan.
    const result = runCatalogueShow('hunan-museum', catalogue, Date.parse('2026-10-11T20:00:00Z'));
    if (result.kind !== 'attraction') throw new Error('expected an attraction');
    expect(result.days[0]).toMatchObject({ date: '2026-10-12', opening: { open: false, detail: 'closed on Mondays except public holidays' } });
  });

  it('flags a year the holiday data does not cover', () => {
    const result = runCatalogueShow('east-lake', catalogue, Date.parse('2031-05-01T08:00:00+08:00'));
    if (result.kind !== 'attraction') throw new Error('expected an attraction');
    expect(result.yearsWithoutHolidays).toEqual([2031]);
  });

  it('shows a city with its attractions', () => {
    const result = runCatalogueShow('changsha', catalogue, goldenWeekMorning);
    expect(result.kind === 'city' && result.attractions.map((a) => a.id)).toEqual(['hunan-museum']);
  });

  it('answers an unknown id with exit code 4 and a suggestion', () => {
    const error = usageErrorOf(() => runCatalogueShow('yellow-crane', catalogue, goldenWeekMorning));
    expect(error.exitCode).toBe(ExitCode.notFound);
    expect(error.message).toBe("no attraction or city 'yellow-crane' in the catalogue");
    expect(error.hint).toBe("Did you mean 'yellow-crane-tower'?");
  });
});

describe('views', () => {
  const output = (tty: boolean, lang: 'en' | 'zh' = 'en') =>
    createOutput(fakeEffects({ tty, env: { FORCE_COLOR: '0' } }).effects, { lang });

  it('shows both names in a terminal, the chosen language first', () => {
    expect(displayName({ name: 'Yellow Crane Tower', nameZh: '黄鹤楼' }, 'en', 'tty')).toBe('Yellow Crane Tower 黄鹤楼');
    expect(displayName({ name: 'Yellow Crane Tower', nameZh: '黄鹤楼' }, 'zh', 'tty')).toBe('黄鹤楼 Yellow Crane Tower');
    expect(displayName({ name: 'Yellow Crane Tower', nameZh: '黄鹤楼' }, 'zh', 'pipe')).toBe('Yellow Crane Tower');
    expect(displayName({ name: 'Adult' }, 'zh', 'tty')).toBe('Adult');
  });

  it('renders the list as an aligned table with Chinese headers under --lang zh', () => {
    const text = renderAttractionList(runCatalogueList({ city: 'changsha' }, catalogue), catalogue, output(true, 'zh'));
    expect(text).toBe(
      ['编号          名称                     城市  主题      等级  游览  成人票', 'hunan-museum  湖南博物院 Hunan Museum  长沙  cultural  4A      2h      50', ''].join('\n'),
    );
  });

  it('renders the list in a pipe as stable tab-separated columns', () => {
    const text = renderAttractionList(runCatalogueList({ city: 'wuhan' }, catalogue), catalogue, output(false, 'zh'));
    expect(text).toBe(
      'yellow-crane-tower\tYellow Crane Tower\t黄鹤楼\twuhan\tcultural\t5A\t120\t70\n' + 'east-lake\tEast Lake\t东湖\twuhan\teco,water\t5A\t120\t0\n',
    );
  });

  it('marks unconfirmed facts as estimates in the terminal view of show', () => {
    const text = stripAnsi(renderShow(runCatalogueShow('hunan-museum', catalogue, goldenWeekMorning), catalogue, output(true)));
    expect(text).toContain('  Hours        all year 09:00–17:00 (last entry 16:00) (estimate)\n');
    expect(text).toContain('  Thu 2026-10-01  09:00–17:00, last entry 16:00  holiday (National Day)\n');
    expect(text).toContain('  Estimates  hours\n');
  });
});
