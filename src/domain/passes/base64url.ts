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

/** The bytes, or undefined when `text` is not canonical base64url. */
export function decodeBase64Url(text: string): Uint8Array | undefined {
  if (!alphabet.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? new Uint8Array(bytes) : undefined;
}
