import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { passQrText, writePassQrFiles } from '../../src/export/pass-qr.js';
import { encodeToken } from '../../src/domain/passes/token.js';
import { aKeyPair, someClaims } from './builders.js';

const token = encodeToken(someClaims(), aKeyPair().signer.sign);

describe('pass QR codes', () => {
  it('draws a terminal code of half blocks, one character per module across, quiet zone included', async () => {
    const text = await passQrText(token);
    const size = QRCode.create(token, { errorCorrectionLevel: 'L' }).modules.size;
    expect(text).toMatch(/[▀▄█]/);
    expect(text.split('\n')[0]).toHaveLength(size + 8);
  });

  it('writes one PNG and one SVG file per pass, named after the pass id', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'yangtze-qr-')), 'codes');
    const passes = [{ id: 'YZ-AAAAAAAAAAAA', token }, { id: 'YZ-BBBBBBBBBBBB', token }];
    const png = await writePassQrFiles(passes, dir, 'png');
    expect(png.map((f) => path.basename(f))).toEqual(['YZ-AAAAAAAAAAAA.png', 'YZ-BBBBBBBBBBBB.png']);
    expect(readFileSync(png[0]!).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const [svg] = await writePassQrFiles(passes.slice(0, 1), dir, 'svg');
    expect(readFileSync(svg!, 'utf8')).toMatch(/<svg [^>]*viewBox=/);
  });
});
