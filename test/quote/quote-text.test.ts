/** The terminal quote: a long line label is cut keeping its rider category in sight, by display width; the heading counts nights in good English. */
import { describe, expect, it } from '@jest/globals';
import { displayWidth } from '../../src/export/display-width.js';
import { cutLabel } from '../../src/export/quote-text.js';

describe('cutLabel', () => {
  const long = 'Hankou Riverside Park (Hankou Jiangtan) and Yangtze Crossing-Swim Museum';
  it('keeps ", adult" and ", child" so the two lines of one long name differ (they read the same before)', () => {
    const adult = cutLabel(`${long}, adult`, 40);
    const child = cutLabel(`${long}, child`, 40);
    expect(adult).toBe('Hankou Riverside Park (Hankou Ji…, adult');
    expect(child.endsWith('…, child')).toBe(true);
    expect(displayWidth(adult)).toBe(40);
  });

  it('keeps the Chinese category in full-width brackets, and cuts by display width (a CJK character is two columns)', () => {
    const cut = cutLabel('汉口江滩公园 / 横渡长江博物馆汉口江滩公园 / 横渡长江博物馆（儿童）', 30);
    expect(cut.endsWith('…（儿童）')).toBe(true);
    expect(displayWidth(cut)).toBeLessThanOrEqual(30);
  });

  it('leaves a label that fits alone, and cuts at the end when the part after the last comma is no category', () => {
    expect(cutLabel('Lunch, adult', 40)).toBe('Lunch, adult');
    const cut = cutLabel('Twin room, 4★ hotel, a city whose name is far too long to fit', 20);
    expect(cut.startsWith('Twin room')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(displayWidth(cut)).toBeLessThanOrEqual(20);
  });
});

describe('the quote heading', () => {
  it('says "1 night", not "1 nights" (a 2-day trip without the last night)', async () => {
    const { renderQuoteText } = await import('../../src/export/quote-text.js');
    const { quoteTrip, defaultQuoteOptions } = await import('../../src/domain/quote/quote-trip.js');
    const { goldenPlan, shipped, shippedRates } = await import('./shipped.js');
    const { Chalk } = await import('chalk');
    const plan = goldenPlan('cruise-chongqing-wuhan');
    const twoDays = { ...plan, days: plan.days.slice(4).map((d, i) => ({ ...d, day: i + 1 })) };
    const text = renderQuoteText(quoteTrip(twoDays, shipped, shippedRates, { ...defaultQuoteOptions({ adult: 2 }), lastNight: 'exclude' }), new Chalk({ level: 0 }), 'en');
    expect(text.split('\n')[0]).toMatch(/^Quote: 2 days \/ 1 night from /);
  });
});
