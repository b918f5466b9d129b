/**
 * Some sites shorten their hours by notice in part of the year, on dates that vary by year:
 * Orange Isle closes at 18:00 instead of 22:00 while the Xiang River stands high (its notices
 * fell in June and July). The generator (scripts/catalogue/research.mjs) takes the regular hours
 * all year with `by_notice: { close, season, … }` and plans the notice season with the window
 * the site is open in under both sets of hours, so a plan holds whether or not a notice is in
 * force; the fact rests on both statements and keeps the weaker status of the two.
 */
import { describe, expect, it } from '@jest/globals';
import { generatedSite, generatorLog } from './generated-site.js';

const hoursRecord = (value: string, status = 'confirmed'): string => `  - id: orange-isle
    field: hours
    value: ${value}
    status: ${status}
    source: { title: "regular hours page", url: "https://example.org/regular" }
    checked: 2026-12-07
`;
const notice = (status: string): string =>
  `{ close: "18:00", season: "06-01..08-31", rule: "flood season", status: ${status}, source: { title: "flood notice", url: "https://example.org/notice", published: "2022-06-24" } }`;

describe('catalogue generator: hours shortened by notice in part of the year', () => {
  it('plans the notice months with the window open under both hours and keeps the regular hours elsewhere', () => {
    const site = generatedSite(`facts:\n${hoursRecord(`{ open: "07:00", close: "22:00", last_entry: "21:30", by_notice: ${notice('confirmed')} }`)}`, 'orange-isle');
    expect(site.hours).toEqual([
      { months: 'Sep-May', open: '07:00', close: '22:00', last_entry: '21:30' },
      { months: 'Jun-Aug', open: '07:00', close: '18:00' },
    ]);
    expect(site.provenance.hours!.status).toBe('confirmed');
    expect(site.provenance.hours!.source).toHaveLength(2);
    expect(site.provenance.hours!.note).toMatch(/Jun-Aug planned 07:00-18:00: the window open under both the regular hours \(07:00-22:00\) and the hours set by notice \(07:00-18:00: flood season\)/);
  });

  it('keeps the weaker status when the notice hours rest on an estimate', () => {
    const site = generatedSite(`facts:\n${hoursRecord(`{ open: "07:00", close: "22:00", by_notice: ${notice('estimate')} }`)}`, 'orange-isle');
    expect(site.provenance.hours!.status).toBe('estimate');
  });

  it('refuses hours by notice next to another hours record, and applies neither', () => {
    const research = `facts:\n${hoursRecord(`{ open: "07:00", close: "22:00", by_notice: ${notice('confirmed')} }`)}${hoursRecord('{ open: "08:00", close: "17:00", season: "12-01..02-28" }')}`;
    expect(generatorLog(research)).toMatch(/orange-isle\.hours\): hours by notice \(by_notice\) must be the site's only hours record/);
    expect(generatedSite(research, 'orange-isle').provenance.hours!.note ?? '').not.toMatch(/set by notice/);
  });

  it('refuses a notice that leaves no opening window', () => {
    const research = `facts:\n${hoursRecord('{ open: "07:00", close: "22:00", by_notice: { open: "18:00", close: "18:00", season: "06-01..08-31" } }')}`;
    expect(generatorLog(research)).toMatch(/hours by notice leave no window \(18:00-18:00\)/);
  });
});
