/**
 * A site's rider categories may rest on different sources: the adult price confirmed by two pages,
 * the half ticket read on one page only. The generator (scripts/catalogue/research.mjs) takes
 * several all-year price records when they split the categories between them, and each category
 * keeps its own record's status — the one-page child price is shown to agents as an estimate
 * instead of the whole table being downgraded or the child priced by the national rule.
 */
import { describe, expect, it } from '@jest/globals';
import { generatedSite, generatorLog } from './generated-site.js';

const record = (value: string, status: string, url: string): string => `  - id: qingjiang-gallery
    field: price
    value: ${value}
    status: ${status}
    source: { title: "test page", url: "${url}" }
    checked: 2026-12-06
`;

describe('catalogue generator: price records that split the rider categories', () => {
  it('keeps each category with the status of the record that states it', () => {
    const site = generatedSite(
      `facts:\n${record('{ adult: 145 }', 'confirmed', 'https://example.org/a')}${record('{ child: 100, student: 100 }', 'estimate', 'https://example.org/b')}`,
      'qingjiang-gallery',
    );
    expect(site.price).toMatchObject({ adult: 145, child: 100, student: 100 });
    expect(site.provenance['price.adult']!.status).toBe('confirmed');
    expect(site.provenance['price.child']!.status).toBe('estimate');
    expect(site.provenance['price.student']!.status).toBe('estimate');
  });

  it('refuses two records that state the same category, and applies neither', () => {
    const research = `facts:\n${record('{ adult: 145 }', 'confirmed', 'https://example.org/a')}${record('{ adult: 160, child: 100 }', 'estimate', 'https://example.org/b')}`;
    expect(generatorLog(research)).toMatch(/qingjiang-gallery\.price\): several all-year prices state adult/);
    expect(generatedSite(research, 'qingjiang-gallery').price.child).not.toBe(100);
  });

  it('refuses split records when none of them states the adult price', () => {
    const research = `facts:\n${record('{ child: 100 }', 'estimate', 'https://example.org/a')}${record('{ student: 100 }', 'estimate', 'https://example.org/b')}`;
    expect(generatorLog(research)).toMatch(/several all-year prices and none states adult/);
  });
});
