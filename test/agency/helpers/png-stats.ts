/**
 * Just enough PNG decoding to tell a blank screenshot from a real one:
 * 8-bit RGB/RGBA, non-interlaced (what Chromium writes). Returns the size,
 * how many distinct colours a sample of pixels has, and the share of pixels
 * that are not the most common colour.
 */
import { inflateSync } from 'node:zlib';

export interface PngStats {
  readonly width: number;
  readonly height: number;
  readonly distinctColours: number;
  /** Share (0..1) of sampled pixels that differ from the dominant colour. */
  readonly inkShare: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngStats(file: Buffer): PngStats {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const bitDepth = data[8];
      colourType = data[9]!;
      if (bitDepth !== 8 || (colourType !== 2 && colourType !== 6) || data[12] !== 0) {
        throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colourType}, interlace ${data[12]}`);
      }
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const bpp = colourType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? pixels[y * stride + x - bpp]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp]! : 0;
      let v = line[x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = v & 0xff;
    }
  }
  const counts = new Map<number, number>();
  let sampled = 0;
  for (let i = 0; i < width * height; i += 7) {
    const p = i * bpp;
    const key = (pixels[p]! << 16) | (pixels[p + 1]! << 8) | pixels[p + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    sampled += 1;
  }
  const dominant = Math.max(...counts.values());
  return { width, height, distinctColours: counts.size, inkShare: 1 - dominant / sampled };
}
