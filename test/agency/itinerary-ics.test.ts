import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { escapeText, foldLine, localStamp, renderItineraryIcs } from '../../src/export/itinerary-ics.js';
import { catalogue, itinerary } from '../fixtures/agency/wuhan-nanchang.js';

const ics = renderItineraryIcs(itinerary, catalogue);

function events(text: string) {
  const vcalendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of vcalendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { vcalendar, events: vcalendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('plan --format ics', () => {
  it('parses with ical.js into one event per visit and per travel leg', () => {
    const itemCount = itinerary.days.reduce((n, d) => n + d.items.length, 0);
    expect(events(ics).events).toHaveLength(itemCount);
  });

  it('gives visits their place, coordinates and Beijing times (TZID=Asia/Shanghai, with a VTIMEZONE)', () => {
    const { vcalendar, events: all } = events(ics);
    expect(vcalendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    const tower = all.find((e) => e.summary.startsWith('Yellow Crane Tower Park'))!;
    expect(tower.summary).toBe('Yellow Crane Tower Park · 黄鹤楼公园');
    expect(tower.location).toBe('Yellow Crane Tower Park · 黄鹤楼公园, Wuhan · 武汉');
    expect(tower.startDate.zone?.tzid).toBe('Asia/Shanghai');
    expect(tower.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Shanghai');
    expect(tower.startDate.toString()).toBe('2026-05-12T08:30:00');
    expect(tower.startDate.toJSDate().toISOString()).toBe('2026-05-12T00:30:00.000Z');
    expect(tower.endDate.toJSDate().toISOString()).toBe('2026-05-12T03:00:00.000Z');
    expect(tower.component.getFirstPropertyValue('geo')).toEqual([30.5447, 114.3025]);
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20260512T083000\r\n');
  });

  it('writes travel legs as events from departure to arrival', () => {
    const train = events(ics).events.find((e) => e.summary.startsWith('Train'))!;
    expect(train.summary).toBe('Train: Wuhan · 武汉 → Nanchang · 南昌');
    expect(train.startDate.toString()).toBe('2026-05-13T14:00:00');
    expect(train.endDate.toString()).toBe('2026-05-13T16:10:00');
    expect(train.description).toContain('2 h 10 min');
    expect(train.description).toContain('¥665.00');
  });

  it('is byte-stable, with DTSTAMP taken from the trip, not the clock', () => {
    expect(renderItineraryIcs(itinerary, catalogue)).toBe(ics);
    const stamps = new Set(ics.split('\r\n').filter((l) => l.startsWith('DTSTAMP:')));
    expect([...stamps]).toEqual(['DTSTAMP:20260512T000000Z']);
  });

  it('gives every event a unique UID that survives re-planning and language changes', () => {
    const uids = events(ics).events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    // Drop the first visit of day 1: the other events keep their UIDs, so a re-import updates them.
    const edited = {
      ...itinerary,
      request: { ...itinerary.request, themes: ['red' as const] },
      days: itinerary.days.map((d) => (d.day === 1 ? { ...d, items: d.items.slice(2) } : d)),
    };
    const editedUids = events(renderItineraryIcs(edited, catalogue)).events.map((e) => e.uid);
    for (const uid of editedUids) expect(uids).toContain(uid);
    const zhUids = events(renderItineraryIcs(itinerary, catalogue, { lang: 'zh' })).events.map((e) => e.uid);
    expect(zhUids).toEqual(uids);
  });

  it('changes UIDs for a different trip (another start date)', () => {
    const later = { ...itinerary, request: { ...itinerary.request, start: '2026-06-02' } };
    const uids = events(ics).events.map((e) => e.uid);
    for (const uid of events(renderItineraryIcs(later, catalogue)).events.map((e) => e.uid)) expect(uids).not.toContain(uid);
  });

  it('writes Chinese titles and labels with --lang zh', () => {
    const zh = events(renderItineraryIcs(itinerary, catalogue, { lang: 'zh' }));
    const names = zh.events.map((e) => e.summary);
    expect(names).toContain('黄鹤楼公园');
    expect(names).toContain('火车：武汉 → 南昌');
    expect(zh.vcalendar.getFirstPropertyValue('x-wr-calname')).toBe('武汉—南昌 3日行程');
    expect(zh.events.find((e) => e.summary === '滕王阁')!.description).toContain('125.00 元');
  });

  it('ends every line with CRLF and keeps lines within 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });
});

describe('line folding', () => {
  it('folds long Chinese text without splitting a character, and unfolds to the original', () => {
    const line = 'SUMMARY:' + '南昌八一起义纪念馆'.repeat(6);
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part); // no broken sequences
    }
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('leaves a 75-octet line alone', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
    expect(foldLine(line + 'Y')).toBe(`${line}\r\n Y`);
  });

  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('writes Beijing wall-clock time whatever offset the input used', () => {
    expect(localStamp('2026-05-12T08:30:00+08:00')).toBe('20260512T083000');
    expect(localStamp('2026-05-12T00:30:00Z')).toBe('20260512T083000');
    expect(localStamp('2026-05-12T23:30:00+08:00')).toBe('20260512T233000');
  });
});
