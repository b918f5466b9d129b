/** Shape problems: all reported in one run, worded with stable codes, pointing at the key or value. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { validateCatalogueDocument } from '../../src/io/catalogue-document.js';
import { fixturePath } from './fixture-path.js';

const VALID = readFileSync(fixturePath('valid-minimal.yaml'), 'utf8');

/** valid-minimal.yaml with each [from, to] replacement applied once. */
function withEdits(...edits: [string, string][]): string {
  return edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
    return text.replace(from, to);
  }, VALID);
}

function report(text: string) {
  const result = validateCatalogueDocument(text, 'edited.yaml');
  return (result.ok ? [] : result.issues).map((i) => `${i.line}:${i.col} ${i.code}${i.hint ? ` (${i.hint})` : ''}`);
}

describe('shape checks', () => {
  it('report every problem in one run, not only the first', () => {
    const text = withEdits(['visit: 2h', 'visit: 2 hours'], ['rating: none', 'rating: 2A'], ['    province: Hunan', '    provinc: Hunan'], ['mode: rail', 'mode: rial']);
    expect(report(text)).toEqual(
      expect.arrayContaining([
        "22:5 unknown-key (Did you mean 'province'?)",
        '33:12 bad-duration',
        "50:13 unknown-rating (Did you mean '5A'?)",
        "66:11 unknown-mode (Did you mean 'rail'?)",
      ]),
    );
    expect(report(text)).toHaveLength(4);
  });

  it('report every rule violation in one run', () => {
    const text = withEdits(['    city: wuhan', '    city: hankou'], ['close: "17:00"', 'close: "09:00"'], ['fare: 164.5', 'fare: 0']);
    expect(report(text).map((r) => r.split(' ')[1])).toEqual(['unknown-city', 'close-before-open', 'non-positive-fare']);
  });

  it('say what a duration looks like when a bare number is given', () => {
    const result = validateCatalogueDocument(withEdits(['visit: 2h', 'visit: 90']), 'edited.yaml');
    expect(result.ok ? [] : result.issues.map((i) => `${i.code}: ${i.message}`)).toEqual([
      'wrong-type: Expected a duration with units d, h, m, like 90m, 1h30m or 3d12h, got 90.',
    ]);
  });

  it('still run the cross-reference rules on the items that are well formed', () => {
    const text = withEdits(['    city: changsha', '    city: changsa'], ['    province: Hubei', '    provnce: Hubei']);
    expect(report(text)).toEqual(["17:5 unknown-key (Did you mean 'province'?)", "47:11 unknown-city (Did you mean 'changsha'?)"]);
  });

  it('do not blame references to an item that is set aside for its own shape problem', () => {
    // The route names yellow-crane-tower, whose visit is malformed: one problem, not two.
    expect(report(withEdits(['visit: 2h', 'visit: 2 hours']))).toEqual(['33:12 bad-duration']);
  });

  it('accept anchors, aliases and merge keys for shared values', () => {
    const text = withEdits(
      ['closed_dates: [2026-12-31,', 'closed_dates: [&new-year-eve 2026-12-31,'],
      ['blackout: [2026-10-01..2026-10-07]', 'blackout: [2026-10-01..2026-10-07, *new-year-eve]'],
      ['    price: { adult: 60, child: 30 }', '    price: { <<: { adult: 60 }, child: 30 }'],
    );
    expect(report(text)).toEqual([]);
  });

  it('do not suggest a key when nothing is close', () => {
    expect(report(withEdits(['    reservation: required', '    parking: plenty']))).toEqual(['43:5 unknown-key']);
  });

  it('suggest the key that was meant, and do not also report it as missing', () => {
    expect(report(withEdits(['    name_zh: 黄鹤楼', '    namezh: 黄鹤楼']))).toEqual(["28:5 unknown-key (Did you mean 'name_zh'?)"]);
  });

  it('point a missing key at the map that lacks it', () => {
    expect(report(withEdits(['    fare: 164.5\n', '']))).toEqual(['64:5 missing-key']);
  });

  it('accept a list of month numbers as well as a range', () => {
    expect(report(withEdits(['months: Nov-Mar', 'months: [11, 12, 1, 2, 3]']))).toEqual([]);
  });

  it('reject a month number outside 1..12', () => {
    expect(report(withEdits(['months: Nov-Mar', 'months: [11, 13]']))).toEqual(['39:22 out-of-range']);
  });

  it('accept the optional provenance and description fields the shipped catalogue uses', () => {
    const text = withEdits(
      ['    reservation: required\n', '    reservation: required\n    must_see: true\n    description: Five-storey tower.\n    note: Rebuilt 1985.\n'],
      ['    lodging: true\n', '    lodging: true\n    note: Hub.\n    facts: { checked: 2025-09, sources: ["https://example.org"] }\n'],
      ['    every: 30m\n', '    every: 30m\n    note: G-trains.\n    facts: { checked: 2025-10-01, unconfirmed: [fare] }\n'],
      ['    days: 2\n', '    days: 2\n    description: Two capitals.\n    name_zh: 双城游\n'],
      ['      starts: first-use\n', '      starts: fixed-date\n      start_date: 2026-05-01\n'],
      ['  - id: child\n    name: Child\n', '  - id: child\n    name: Child\n    name_zh: 儿童\n'],
    );
    expect(report(text)).toEqual([]);
  });
});

describe('problems at the top level', () => {
  const codes = (text: string) => report(text).map((r) => r.split(' ')[1]);

  it('still let the cross-reference rules run on the rest', () => {
    const text = withEdits(['name: Minimal test catalogue\n', ''], ['    city: changsha', '    city: changsa']);
    expect(codes(text)).toEqual(['missing-key', 'unknown-city']);
  });

  it('do not blame references into a section that is not a list', () => {
    // Without cities, every attraction's city would be unknown: one problem, not three.
    const text = withEdits(['close: "17:00"', 'close: "09:00"']).replace(/^cities:\n(?: {2}.*\n)+/m, 'cities: wuhan\n');
    expect(codes(text)).toEqual(['wrong-type', 'close-before-open']);
  });

  it('do not blame references into a missing section, nor passes that could have covered it', () => {
    const text = withEdits(['fare: 164.5', 'fare: 0']).replace(/^attractions:\n(?: {2}.*\n)+/m, '');
    expect(codes(text)).toEqual(['missing-key', 'non-positive-fare']);
  });

  it('keep whole-list verdicts that the broken key cannot change', () => {
    const text = withEdits(['timezone: Asia/Shanghai', 'timezone: Mars/Olympus'], ['      themes: [cultural]\n      exclude: [hunan-museum]', '      themes: [water]']);
    expect(codes(text)).toEqual(['unknown-timezone', 'pass-covers-nothing']);
  });
});

describe('provenance', () => {
  it('is kept on routes and passes, and absent where the file has none', () => {
    const text = withEdits(
      ['    days: 2\n', '    days: 2\n    facts: { checked: 2025-11, sources: ["https://example.org/route"] }\n'],
      ['    entries: once\n', '    entries: once\n    facts: { unconfirmed: [price], note: Sample product. }\n'],
    );
    const result = validateCatalogueDocument(text, 'edited.yaml');
    if (!result.ok) throw new Error(report(text).join('\n'));
    expect(result.value.routes[0]!.facts).toEqual({ checked: '2025-11', unconfirmed: [], sources: ['https://example.org/route'] });
    expect(result.value.passes[0]!.facts).toEqual({ unconfirmed: ['price'], sources: [], note: 'Sample product.' });
    const plain = validateCatalogueDocument(VALID, 'valid-minimal.yaml');
    expect(plain.ok && 'facts' in plain.value.routes[0]! ? 'has facts' : 'no facts').toBe('no facts');
    expect(plain.ok && 'facts' in plain.value.passes[0]! ? 'has facts' : 'no facts').toBe('no facts');
  });
});

describe('time zones', () => {
  const zone = (tz: string) => report(withEdits(['timezone: Asia/Shanghai', `timezone: ${tz}`]));

  it('accept canonical IANA names, and aliases the canonical list leaves out', () => {
    expect([zone('Asia/Shanghai'), zone('Europe/Paris'), zone('UTC'), zone('Asia/Chongqing'), zone('Etc/GMT-8')]).toEqual([[], [], [], [], []]);
  });

  it('reject names that are not zones', () => {
    expect([zone('Asia/Wuhan'), zone('Beijing'), zone('"+08:00"')]).toEqual([['5:11 unknown-timezone'], ['5:11 unknown-timezone'], ['5:11 unknown-timezone']]);
  });
});
