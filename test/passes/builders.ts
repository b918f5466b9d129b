/**
 * Test builders for passes: in-memory key pairs and trust files, pass claims
 * with defaults, and itineraries made from a list of visits.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import type { PassClaims, Signer } from '../../src/domain/passes/token.js';
import { keyIdFor, type TrustFile, type TrustedKey } from '../../src/domain/passes/trust-file.js';
import type { Itinerary, ItineraryDay, VisitItem } from '../../src/domain/itinerary/itinerary.js';

export interface TestKey {
  readonly signer: Signer;
  readonly trusted: TrustedKey;
}

/** A key pair; without `keyId`, the id `keys init` would give it (the fingerprint a trust file is checked for). */
export function aKeyPair(keyId?: string, extra: Partial<TrustedKey> = {}): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  keyId ??= keyIdFor(publicKey.export({ format: 'jwk' }).x!, '2026-05-01T09:00:00+08:00');
  return {
    signer: { keyId, sign: (data) => new Uint8Array(sign(null, data, privateKey)) },
    trusted: { keyId, algorithm: 'Ed25519', publicKey: publicKey.export({ format: 'jwk' }).x!, createdAt: '2026-05-01T09:00:00+08:00', ...extra },
  };
}

export function aTrustFile(...keys: TestKey[]): TrustFile {
  return { schemaVersion: 1, kind: 'yangtze.trust', keys: keys.map((k) => k.trusted) };
}

export function someClaims(partial: Partial<PassClaims> = {}): PassClaims {
  return {
    passId: 'YZ-7K3M9Q2X4T',
    keyId: 'k20260501-aaaaaa',
    product: 'wuhan-culture-pass',
    holder: 'Li Wei',
    category: 'adult',
    idHash: 'AAAAAAAAAAAAAAAAAAAAAA',
    idSalt: 'c2FsdHNhbHQ',
    attractions: ['east-lake', 'hubei-provincial-museum', 'yellow-crane-tower', 'guiyuan-temple', 'wuhan-revolution-museum'],
    validFrom: '2026-05-12',
    validUntil: '2026-05-16',
    kind: 'consecutive-days',
    starts: 'first-use',
    days: 3,
    entries: 'once',
    blackout: [{ from: '2026-10-01', to: '2026-10-07' }],
    issuedAt: '2026-05-10',
    booking: 'BK1042',
    ...partial,
  };
}

/** An itinerary with one visit per entry, dated as given; other fields are plausible defaults. */
export function anItinerary(visits: readonly { attraction: string; date: string }[], party: Record<string, number> = { adult: 1 }): Itinerary {
  const dates = [...new Set(visits.map((v) => v.date))].sort();
  const days: ItineraryDay[] = dates.map((date, i) => ({
    day: i + 1,
    date,
    theme: null,
    start: 'wuhan',
    lodging: 'wuhan',
    items: visits
      .filter((v) => v.date === date)
      .map(
        (v, j): VisitItem => ({
          kind: 'visit',
          attraction: v.attraction,
          city: 'wuhan',
          start: `${date}T${String(9 + 2 * j).padStart(2, '0')}:00:00+08:00`,
          end: `${date}T${String(10 + 2 * j).padStart(2, '0')}:30:00+08:00`,
          themes: ['cultural'],
          cost: 0,
        }),
      ),
  }));
  return {
    schemaVersion: 1,
    kind: 'yangtze.itinerary',
    request: {
      from: 'wuhan',
      start: dates[0] ?? '2026-05-12',
      days: days.length,
      themes: [],
      party,
      dayStart: '08:00',
      dayEnd: '20:00',
      must: [],
      avoid: [],
      pace: 'standard',
    },
    days,
    byTheme: { eco: [], cultural: [], red: [], water: [] },
    unscheduled: [],
    totals: { visits: visits.length, score: 0, admission: 0, transport: 0, currency: 'CNY' },
  };
}
