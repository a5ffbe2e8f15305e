import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A download link's token: `<id>.<expiry>.<signature>`. The id is 144 random
 * bits, so links cannot be guessed; the HMAC covers id and expiry, so neither
 * can be changed, and a forged or altered token is refused before the store
 * is asked.
 */
export interface DownloadToken {
  id: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export const newDownloadId = (): string => randomBytes(18).toString('base64url');

const signature = (secret: string, id: string, expiresAt: number): Buffer =>
  createHmac('sha256', secret).update(`${id}.${expiresAt}`).digest();

export function signToken(secret: string, token: DownloadToken): string {
  return `${token.id}.${token.expiresAt}.${signature(secret, token.id, token.expiresAt).toString('base64url')}`;
}

/** The token's id and expiry when its signature is right; undefined for anything else. */
export function verifyToken(secret: string, text: string): DownloadToken | undefined {
  const [id, expiry, given, ...rest] = text.split('.');
  if (!id || !expiry || !given || rest.length > 0 || !/^\d{1,15}$/.test(expiry)) return undefined;
  const expiresAt = Number(expiry);
  const expected = signature(secret, id, expiresAt);
  const actual = Buffer.from(given, 'base64url');
  // Constant time, so the signature cannot be found byte by byte from response times.
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  return { id, expiresAt };
}
