/** Cross-reference rules on normalized catalogues, built in code. */
import { describe, expect, it } from '@jest/globals';
import { checkCatalogueRules } from '../../src/domain/catalogue/rules.js';
import { resolvePassCoverage } from '../../src/domain/catalogue/resolve-pass-coverage.js';
import { aCatalogue, anAttraction, aSeason } from '../builders/catalogue-builder.js';

const codesOf = (issues: ReturnType<typeof checkCatalogueRules>) => issues.map((i) => `${i.severity} ${i.code} ${i.path.join('.')}`);

describe('checkCatalogueRules', () => {
  it('finds nothing wrong with the builder defaults', () => {
    const catalogue = aCatalogue()
      .withAttraction({ id: 'yellow-crane-tower', city: 'wuhan' })
      .withLink({ from: 'wuhan', to: 'changsha' })
      .withRoute({ id: 'r', cities: ['wuhan', 'changsha'], attractions: ['yellow-crane-tower'] })
      .withPass({ id: 'p', covers: { cities: ['wuhan'] } })
      .build();
    expect(checkCatalogueRules(catalogue)).toEqual([]);
  });

  it('treats a season without months as all year, overlapping any other season', () => {
    const catalogue = aCatalogue()
      .withAttraction({ id: 'a', hours: [aSeason(), aSeason({ months: [7, 8] })] })
      .build();
    expect(codesOf(checkCatalogueRules(catalogue))).toEqual(['error seasons-overlap attractions.0.hours.1.months']);
  });

  it('accepts last entry equal to closing time but not after it', () => {
    const at = (lastEntryMin: number) =>
      codesOf(checkCatalogueRules(aCatalogue().withAttraction({ id: 'a', hours: [aSeason({ openMin: 480, closeMin: 1020, lastEntryMin })] }).build()));
    expect(at(1020)).toEqual([]);
    expect(at(1021)).toEqual(['error last-entry-outside attractions.0.hours.0.last_entry']);
    expect(at(479)).toEqual(['error last-entry-outside attractions.0.hours.0.last_entry']);
  });

  it('requires exactly one default rider category', () => {
    const two = aCatalogue().withRiderCategories([
      { id: 'adult', name: 'Adult', isDefault: true },
      { id: 'senior', name: 'Senior', isDefault: true },
    ]);
    const issues = checkCatalogueRules(two.build());
    expect(codesOf(issues)).toEqual(['error default-category rider_categories']);
    expect(issues[0]!.message).toBe('Exactly one rider category must have default: true; adult, senior have it.');
  });

  it('flags sites outside the corridor as warnings, suggesting swapped coordinates', () => {
    const issues = checkCatalogueRules(aCatalogue().withAttraction({ id: 'a', location: { lat: 114.3, lon: 30.5 } }).build());
    expect(codesOf(issues)).toEqual(['warning out-of-region attractions.0.location']);
    expect(issues[0]!.hint).toContain('swapped');
  });

  it('reports a link to the city it starts from and a headway of zero', () => {
    const issues = checkCatalogueRules(aCatalogue().withLink({ from: 'wuhan', to: 'wuhan', everyMin: 0 }).build());
    expect(codesOf(issues)).toEqual(['error non-positive-duration links.0.every', 'error link-to-itself links.0.to']);
  });

  it('reports the validity fields each kind of pass needs', () => {
    const catalogue = aCatalogue()
      .withAttraction({ id: 'a' })
      .withPass({ id: 'flex', covers: { attractions: ['a'] }, validity: { kind: 'flex-days', starts: 'first-use' } })
      .withPass({ id: 'count', covers: { attractions: ['a'] }, validity: { kind: 'attraction-count', starts: 'issue-date' } })
      .build();
    expect(codesOf(checkCatalogueRules(catalogue))).toEqual([
      'error missing-key passes.0.validity.days',
      'error missing-key passes.0.validity.within',
      'error missing-key passes.1.validity.count',
    ]);
  });

  it('reports a link fare table keyed by something other than a rider category', () => {
    const issues = checkCatalogueRules(aCatalogue().withLink({ from: 'wuhan', to: 'yichang', fares: { adlut: 10 } }).build());
    expect(codesOf(issues)).toEqual(['error unknown-category links.0.fares.adlut']);
    expect(issues[0]!.hint).toBe("Did you mean 'adult'?");
  });

  it('reports holiday overrides whose range runs backwards', () => {
    const catalogue = aCatalogue().withHoliday({ range: { from: '2026-10-07', to: '2026-10-01' }, name: 'National Day', kind: 'holiday' }).build();
    expect(codesOf(checkCatalogueRules(catalogue))).toEqual(['error end-before-start holidays.0.date']);
  });
});

describe('resolvePassCoverage', () => {
  const attractions = [
    anAttraction({ id: 'tower', city: 'wuhan', themes: ['cultural'] }),
    anAttraction({ id: 'lake', city: 'wuhan', themes: ['eco', 'water'] }),
    anAttraction({ id: 'memorial', city: 'nanchang', themes: ['red'] }),
    anAttraction({ id: 'museum', city: 'changsha', themes: ['cultural', 'red'] }),
  ];

  it('takes the union of themes, cities and attractions, sorted and without repeats', () => {
    expect(resolvePassCoverage({ themes: ['red'], cities: ['wuhan'], attractions: ['museum'], exclude: [] }, attractions)).toEqual([
      'lake',
      'memorial',
      'museum',
      'tower',
    ]);
  });

  it('removes excluded attractions even when listed by id', () => {
    expect(resolvePassCoverage({ themes: ['cultural'], cities: [], attractions: ['memorial'], exclude: ['museum', 'memorial'] }, attractions)).toEqual([
      'tower',
    ]);
  });

  it('covers nothing when nothing is listed', () => {
    expect(resolvePassCoverage({ themes: [], cities: [], attractions: [], exclude: [] }, attractions)).toEqual([]);
  });
});
