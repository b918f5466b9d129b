/**
 * The agency's document read as an agent would send it (HTML, no browser needed): local legs
 * read as the quote books them (its vehicle with driver, not "Taxi"), the cruise leg says its
 * nights and arrival (not "21:00–13:30 (64 h 30 min)"), the estimate notes name only what moves
 * the times shown (no taxi tariffs behind hidden prices, no tool commands) with the mark beside
 * the time, the Chinese meal key is in Chinese, and the last day's row says whether there is a hotel.
 */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { REPO_ROOT, runCli } from '../cli/helpers/run-cli.js';

const PLAN = path.join(REPO_ROOT, 'test', 'quote', 'fixtures', 'plans', 'chongqing-nanchang-7d-evening-arrival.itinerary.json');
const html = async (...flags: string[]) => {
  const run = await runCli(['quote', PLAN, '--guide', 'en', '--format', 'html', ...flags]);
  expect(run.exitCode).toBe(0);
  return run.stdout;
};
const day = (doc: string, n: number) => doc.slice(doc.indexOf(`data-day="${n}"`), doc.indexOf(`data-day="${n + 1}"`) > 0 ? doc.indexOf(`data-day="${n + 1}"`) : undefined);

describe('the agency document, as an agent reads it', () => {
  it('local legs are by the quote\'s private vehicle (the plan priced taxis); with --transport taxi they stay taxis', async () => {
    const vehicle = day(await html(), 4);
    expect(vehicle).toContain('Private vehicle 11.1 km: Yichang → Sanyou Cave');
    expect(vehicle).not.toContain('Taxi');
    expect(day(await html('--transport', 'taxi'), 4)).toContain('Taxi 11.1 km: Yichang → Sanyou Cave');
    expect(day(await html('--lang', 'zh'), 4)).toContain('包车 11.1公里');
  });

  it('the cruise says its nights and when it arrives, in both languages', async () => {
    expect(day(await html(), 1)).toContain('Cruise: Chongqing → Yichang (3 nights, arriving 15 Apr at 13:30)');
    expect(day(await html(), 1)).not.toContain('64 h');
    expect(day(await html('--lang', 'zh'), 1)).toContain('（3晚，4月15日 13:30抵达）');
  });

  it('estimate notes: only opening hours and timetables behind the times shown, marked beside the time, addressed to the customer', async () => {
    const doc = await html();
    const notes = doc.slice(doc.indexOf('id="estimates"'));
    expect(notes).toContain('These times rest on estimated opening hours or timetables; we confirm them when booking');
    expect(notes).toContain('Sanyou Cave (Three Travellers&#39; Cave): opening hours');
    expect(notes).not.toMatch(/taxi tariff|road model|catalogue audit|price \(/);
    expect(day(doc, 4)).toContain('15:30–17:00<sup class="estimate">');
    expect((await html('--lang', 'zh')).slice(doc.indexOf('id="estimates"'))).not.toContain('yangtze catalogue audit');
  });

  it('the Chinese meal key and marks are Chinese: 早（船）, 早（店）, not (s)/(h)', async () => {
    const services = (await html('--lang', 'zh')).split('<section class="services">')[1]!;
    expect(services).toContain('早（船） 午（船） 晚（船）');
    expect(services).toContain('早（店） 午 晚');
    expect(services).not.toMatch(/\((s|h)\)/);
  });

  it('the last day\'s row: the Nanchang hotel after the evening arrival; "No hotel: the trip ends this day" with --last-night exclude', async () => {
    const row = (doc: string) => doc.split('<section class="services">')[1]!.split('</tbody>')[0]!.split('<tr>').at(-1)!;
    expect(row(await html())).toContain('4★ hotel, Nanchang');
    expect(row(await html('--last-night', 'exclude'))).toContain('No hotel: the trip ends this day');
    expect(row(await html('--last-night', 'exclude', '--lang', 'zh'))).toContain('不含住宿：行程当天结束');
  });
});
