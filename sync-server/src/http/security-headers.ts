/**
 * Security headers on every response. The Content Security Policy allows only our own scripts,
 * plus the one inline boot script SvelteKit writes into index.html, allowed by its hash (computed
 * from the built file at start-up, so the policy follows every rebuild).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** sha256 sources for each inline <script> of the built shell page. */
export function inlineScriptHashes(webRoot: string): string[] {
  let html: string;
  try {
    html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  } catch {
    return []; // No build yet: there is no page whose scripts need allowing.
  }
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`);
  }
  return hashes;
}

/**
 * The headers above on every response; a route that sets its own, stricter policy (library file
 * downloads) keeps it.
 */
export function securityHeaders(webRoot: string): MiddlewareHandler {
  const base = appSecurityHeaders(webRoot);
  return async (c, next) => {
    let own: string | null = null;
    await base(c, async () => {
      await next();
      own = c.res.headers.get('content-security-policy');
    });
    if (own) c.header('Content-Security-Policy', own);
  };
}

function appSecurityHeaders(webRoot: string) {
  const scriptHashes = inlineScriptHashes(webRoot);
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...scriptHashes],
      // Svelte sets style attributes at run time (transitions, display: contents).
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"]
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    // Invitation links carry a token in the URL: never leak it to another site.
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] }
  });
}
