/**
 * Words an agent sends: the guide line says "English-speaking guide, Yichang, 3 days (days 4–6)"
 * (it said "Guide (en)"), the inclusions count nights and days in plain words ("4 nights in 4★
 * hotels", not "4 hotel night(s)"), and a language beyond the built-in names is still named.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Itinerary } from '../../src/domain/itinerary/itinerary.js';
import { guideTitle, languageName } from '../../src/domain/quote/guide-language.js';
import { quoteTrip } from '../../src/domain/quote/quote-trip.js';
import { REPO_ROOT } from '../cli/helpers/run-cli.js';
import { options, shipped, shippedRates } from './shipped.js';

const seven = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'quote', 'fixtures', 'plans', 'chongqing-nanchang-7d-evening-arrival.itinerary.json'), 'utf8')) as Itinerary;

describe('the guide in words', () => {
  const q = quoteTrip(seven, shipped, shippedRates, options());
  const guide = q.lines.filter((l) => l.section === 'guide');

  it('one line per run of days in a city, with the days counted, in English and Chinese', () => {
    expect(guide.map((l) => [l.label.en, l.quantity, l.day])).toEqual([
      ['English-speaking guide, Yichang, 3 days (days 4–6)', 3, 4],
      ['English-speaking guide, Wuhan, 1 day', 1, 7],
    ]);
    expect(guide[0]!.label.zh).toBe('宜昌英文导游 3 天（第4–6天）');
    expect(guide.every((l) => !/\((en|zh)\)/.test(l.label.en))).toBe(true);
  });

  it('the inclusions name the guide and count the days; the hotels count nights without "(s)"', () => {
    const incl = q.inclusions.map((x) => x.en);
    expect(incl).toContain('English-speaking guide (licensed, local) on each of the 4 sightseeing days');
    expect(incl).toContain('4 nights in 4★ hotels, with breakfast where the hotel includes it');
    expect(incl).toContain('Lunches and dinners as listed day by day');
    expect(incl.join('\n')).not.toContain('(s)');
    expect(q.inclusions.map((x) => x.zh)).toContain('4个游览日持证地陪英文导游');
  });

  it('a guide in Chinese is "Chinese-speaking guide" / 中文导游; other codes by their language name', () => {
    expect(guideTitle('zh')).toEqual({ en: 'Chinese-speaking guide', zh: '中文导游' });
    expect(languageName('pt')).toEqual({ en: 'Portuguese', zh: '葡萄牙语' });
  });
});

describe('a day in two cities', () => {
  it('books a guide in each, but the inclusions count the day once: "on each of the N sightseeing days" agrees with the vehicle', () => {
    // Day 6 of the saved 7-day plan sees Qingjiang Gallery (Yichang) and ends in Wuhan: let it also see Hankou Riverside Park there.
    const visit = seven.days[6]!.items.find((i) => i.kind === 'visit' && i.attraction === 'hankou-riverside-park')!;
    const leg = seven.days[6]!.items.find((i) => i.kind === 'travel' && i.mode === 'local' && i.to === 'hankou-riverside-park')!;
    const day6 = { ...seven.days[5]!, items: [...seven.days[5]!.items, { ...leg, depart: '2027-04-17T20:00:00+08:00', arrive: '2027-04-17T20:10:00+08:00' }, { ...visit, start: '2027-04-17T20:10:00+08:00', end: '2027-04-17T21:00:00+08:00' }] };
    const plan = { ...seven, days: seven.days.map((d) => (d.day === 6 ? day6 : d)) } as Itinerary;
    const q = quoteTrip(plan, shipped, shippedRates, options());
    const guideDays = q.lines.filter((l) => l.section === 'guide').reduce((n, l) => n + l.quantity, 0);
    expect(guideDays).toBe(5); // Yichang days 4-6, Wuhan days 6-7
    expect(q.inclusions.map((x) => x.en)).toContain('English-speaking guide (licensed, local) on each of the 4 sightseeing days');
    expect(q.inclusions.map((x) => x.en)).toContain('Private vehicle with driver on the 4 sightseeing days');
  });
});

describe('the interactive session names the guide as the quote does', () => {
  it('its choices read "English-speaking guide" / 英文导游 (the Chinese prompt said 英语导游 while the quote said 英文导游)', async () => {
    const { promptMessages } = await import('../../src/cli/prompts/messages.js');
    expect(promptMessages('en').priceGuides.en).toBe('English-speaking guide');
    expect(promptMessages('zh').priceGuides).toMatchObject({ en: '英文导游', zh: '中文导游' });
  });
});
