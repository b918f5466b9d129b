/**
 * QR codes of pass tokens: the whole token is the QR payload, byte mode,
 * error correction M for images, L for the terminal (docs/TOKEN.md "Size").
 * `passQrText` draws one for a terminal with UTF-8 half blocks; `writePassQrFiles`
 * writes one PNG or SVG per pass for `pass issue --qr-dir`, named `<pass id>.<format>`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';

export const QR_FORMATS = ['png', 'svg'] as const;
export type QrFormat = (typeof QR_FORMATS)[number];

/** Images (printed, crumpled): M recovers ~15% damage; tokens of 260–350 characters are versions 12–14. */
const errorCorrectionLevel = 'M';
/**
 * A terminal code is read off a screen, where nothing gets creased or stained:
 * L (~7%) is enough there and keeps every shipped product's token at version
 * 11–12, at most 73 columns with the quiet zone — inside an 80-column terminal.
 */
const terminalErrorCorrectionLevel = 'L';

/** The code as text, two modules per character row (`▀`, `▄`, `█`). */
export function passQrText(token: string): Promise<string> {
  return QRCode.toString(token, { type: 'utf8', errorCorrectionLevel: terminalErrorCorrectionLevel });
}

/** Writes `<dir>/<id>.<format>` for each pass (creating dir) and returns the paths in order. */
export async function writePassQrFiles(passes: readonly { readonly id: string; readonly token: string }[], dir: string, format: QrFormat): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const p of passes) {
    const file = path.join(dir, `${p.id}.${format}`);
    await QRCode.toFile(file, p.token, { type: format, errorCorrectionLevel });
    files.push(file);
  }
  return files;
}
