/**
 * Strict, canonical base64url (RFC 4648 §5, no padding). Node's decoder skips
 * characters outside the alphabet and ignores the unused low bits of the last
 * character, so two different strings can decode to the same bytes; for signed
 * tokens that would let an edited token verify. `decodeBase64Url` accepts only
 * the one string `encodeBase64Url` would produce.
 */
const alphabet = /^[A-Za-z0-9_-]*$/;

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The bytes, or undefined when `text` is not canonical base64url. Checked
 * without encoding the bytes again (this runs twice per token verified): in
 * the alphabet, no length ≡ 1 (mod 4), and the bits of the last character
 * that no byte uses are zero.
 */
export function decodeBase64Url(text: string): Uint8Array | undefined {
  const tail = text.length % 4;
  if (tail === 1 || !alphabet.test(text)) return undefined;
  if (tail !== 0) {
    const last = digits.indexOf(text[text.length - 1]!);
    if ((last & (tail === 2 ? 0b1111 : 0b11)) !== 0) return undefined;
  }
  return Buffer.from(text, 'base64url');
}
