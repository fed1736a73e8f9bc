/**
 * Where to go after signing in: only a path inside this app (never another site, which would make
 * the sign-in page an open redirect), and never back to the sign-in page itself.
 */
export function safeNext(next: string | null, fallback = '/cops'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next === '/sign-in' || next.startsWith('/sign-in?')) return fallback;
  return next;
}
