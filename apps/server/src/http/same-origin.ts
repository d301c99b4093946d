import type { Request, RequestHandler } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The Host header values a loopback server answers to on `port`. */
function loopbackHosts(port: number, boundHost: string): Set<string> {
  const names = [
    '127.0.0.1',
    'localhost',
    '[::1]',
    boundHost.includes(':') ? `[${boundHost}]` : boundHost,
  ];
  const hosts = names.map((name) => `${name}:${String(port)}`);
  // Browsers leave the default port out of the Host header.
  if (port === 80) hosts.push(...names);
  return new Set(hosts.map((host) => host.toLowerCase()));
}

function refuse(res: Parameters<RequestHandler>[1], message: string): void {
  res.status(403).type('text/plain').send(message);
}

/** True when the request's Origin names the host it was sent to. */
function isSameOrigin(req: Request, origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.host === req.headers.host?.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Protects a server on this machine from web pages the person visits. On a loopback address,
 * only the loopback names are accepted as Host, so a page whose domain was re-pointed at
 * 127.0.0.1 (DNS rebinding) is refused. Everywhere, a change (POST and other non-reading
 * methods) carrying an Origin from another site is refused, so a page cannot submit to the API;
 * that covers queries sent as POST too, which read nothing a GET from the page could not.
 */
export function guardOrigin(options: { loopback: boolean; boundHost: string }): RequestHandler {
  return (req, res, next) => {
    const host = req.headers.host?.toLowerCase() ?? '';
    if (options.loopback) {
      const port = req.socket.localPort ?? 0;
      if (!loopbackHosts(port, options.boundHost).has(host)) {
        refuse(
          res,
          `Sluice only answers requests addressed to this machine; open http://127.0.0.1:${String(port)} instead of "${host}".`,
        );
        return;
      }
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !SAFE_METHODS.has(req.method) && !isSameOrigin(req, origin)) {
      refuse(res, `Sluice refuses changes sent from another site (${origin}).`);
      return;
    }
    next();
  };
}
