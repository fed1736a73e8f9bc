/**
 * The Origin rule of INTERFACES.md: a request that carries an Origin header must come from an
 * allowed origin (CSRF and cross-site websocket hijacking); one without it is a non-browser
 * client and is judged on its session alone.
 */
export function isAllowedOrigin(origin: string | undefined | null, allowed: readonly string[]): boolean {
  if (origin === undefined || origin === null) return true;
  return allowed.includes(origin);
}
