import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** The token a request carries: `Authorization: Bearer <token>`, or `?token=` for EventSource (SSE). */
function tokenOf(authorization: string | undefined, query: unknown): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
  if (bearer !== undefined) return bearer.trim();
  if (typeof query === 'object' && query !== null && 'token' in query) {
    return typeof query.token === 'string' ? query.token : undefined;
  }
  return undefined;
}

/**
 * Refuses requests without the configured access token (401, JSON). Hashing both sides keeps
 * the comparison constant-time whatever the lengths.
 */
export function requireAccessToken(expected: string): RequestHandler {
  const want = digest(expected);
  return (req, res, next) => {
    const given = tokenOf(req.headers.authorization, req.query);
    if (given !== undefined && timingSafeEqual(digest(given), want)) {
      next();
      return;
    }
    res.status(401).json({
      error: {
        code: 'UNAUTHORIZED',
        message: 'This Sluice server needs its access token: send "Authorization: Bearer <token>".',
      },
    });
  };
}
