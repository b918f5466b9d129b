/**
 * `--id-number` with an explicit document type. A PRC resident ID number is
 * checked strictly (18 characters, ISO 7064 MOD 11-2 check character, a real
 * birth date not in the future); a passport or other document by its
 * documented shape only — they differ by country, and no checksum is universal.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkIdDocument } from '../../src/domain/passes/id-document.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { anItinerary } from './builders.js';
import { aHome, LEDGER_CATALOGUE } from './ledger-helpers.js';

const today = '2026-05-11';
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (first17: string) => '10X98765432'[[...first17].reduce((sum, d, i) => sum + Number(d) * weights[i]!, 0) % 11]!;

describe('checkIdDocument', () => {
  it('accepts PRC numbers with the right check character and a real past birth date, spaces and a lower-case x too', () => {
    expect(checkIdDocument('prc', '420106199001011231', today)).toBeUndefined();
    expect(checkIdDocument('prc', '11010519491231002x', today)).toBeUndefined();
    expect(checkIdDocument('prc', '4201 0619 9001 0112 31', today)).toBeUndefined();
  });

  it('refuses a PRC number whose check character, length, birth date or characters are wrong, saying which', () => {
    expect(checkIdDocument('prc', '12345', today)).toMatch(/18 characters/);
    expect(checkIdDocument('prc', '420106199001011234', today)).toMatch(/check character/);
    expect(checkIdDocument('prc', `42010619900230123${checkChar('42010619900230123')}`, today)).toMatch(/birth date 1990-02-30/);
    expect(checkIdDocument('prc', `42010620270101123${checkChar('42010620270101123')}`, today)).toMatch(/in the future/);
    expect(checkIdDocument('prc', '4201061990010112A1', today)).toMatch(/digits/);
  });

  it('accepts exactly the numbers whose last character is the MOD 11-2 check of the first 17 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 25_000 }), fc.integer({ min: 100_000, max: 999_999 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom(...'0123456789X'), (day, region, seq, last) => {
        const birth = new Date(Date.UTC(1950, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
        const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
        expect(checkIdDocument('prc', first17 + last, today) === undefined).toBe(last === checkChar(first17));
      }),
    );
  });

  it('checks passports and other documents by shape only', () => {
    expect(checkIdDocument('passport', 'E12345678', today)).toBeUndefined();
    expect(checkIdDocument('passport', 'c 0345 6789', today)).toBeUndefined();
    expect(checkIdDocument('passport', '12', today)).toMatch(/5–20 letters and digits/);
    expect(checkIdDocument('other', 'H1234567-8', today)).toBeUndefined();
    expect(checkIdDocument('other', 'x', today)).toMatch(/4–30/);
  });
});

describe('pass issue with ID numbers', () => {
  function aPlan(home: string): string {
    const plan = path.join(home, 'plan.json');
    writeFileSync(plan, JSON.stringify(anItinerary([{ attraction: 'yellow-crane-tower', date: '2026-05-12' }, { attraction: 'east-lake', date: '2026-05-12' }])));
    return plan;
  }

  it('refuses --id-number 12345 (exit 2, naming the holder), and takes a passport with --id-type passport', async () => {
    const home = aHome();
    const issue = (...extra: string[]) => runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--plan', aPlan(home), '--holder', 'Li Wei', ...extra]);
    const bad = await issue('--id-number', '12345');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--id-number for Li Wei');
    expect((await issue('--id-number', 'E12345678', '--id-type', 'passport')).exitCode).toBe(0);
    expect((await issue('--id-number', 'E12345678', '--id-type', 'pasport')).exitCode).toBe(2);
  });

  it('reports a bad id_number in a bookings file at its line and column (exit 3), and reads an id_type column', async () => {
    const home = aHome();
    const file = path.join(home, 'bookings.csv');
    writeFileSync(file, 'booking,holder,id_number,id_type,product,start\nBK1,Li Wei,420106199001011234,,wuhan-culture-pass,2026-05-12\nBK2,Anna Berg,P1234567,passport,wuhan-culture-pass,2026-05-12\nBK3,Li Na,420106199001011231,prc,wuhan-culture-pass,2026-05-12\n');
    const run = await runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--bookings', file]);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('bookings.csv:2:12');
    expect(run.stderr).toContain('check character');
    expect(run.stdout).toContain('issued\t2');
  });
});
