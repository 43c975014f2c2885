import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * Discord signs every interaction it POSTs: Ed25519 over `timestamp + raw body`, with the
 * application's public key (Developer Portal > General Information). Discord also sends bad
 * signatures on purpose, and removes an endpoint that accepts them.
 */

/** The application's public key (64 hex characters) as a key object node:crypto verifies with. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('an Ed25519 public key is 64 hex characters');
  // A raw 32-byte Ed25519 key, given to node:crypto as a JWK rather than as hand-built DER.
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') },
    format: 'jwk',
  });
}

export type Verdict = { ok: true } | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'stale_timestamp' };

export interface SignedRequest {
  /** The X-Signature-Ed25519 header: 128 hex characters. */
  signature: string | undefined;
  /** The X-Signature-Timestamp header: Unix seconds, as a string. */
  timestamp: string | undefined;
  /** The body exactly as received, before any parsing. */
  body: Buffer;
}

/**
 * Checks the signature and that the timestamp is recent (a replayed request is refused even when
 * its signature is genuine). Never throws: malformed headers are just a bad signature.
 */
export function verifyRequest(
  key: KeyObject,
  { signature, timestamp, body }: SignedRequest,
  maxSkewSeconds: number,
  nowMs = Date.now(),
): Verdict {
  if (!signature || !timestamp) return { ok: false, reason: 'missing_signature' };
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'bad_signature' };
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  if (!verify(null, signed, key, Buffer.from(signature, 'hex'))) return { ok: false, reason: 'bad_signature' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > maxSkewSeconds) return { ok: false, reason: 'stale_timestamp' };
  return { ok: true };
}
