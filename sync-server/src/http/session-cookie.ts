/**
 * The session cookie: `atelier_session`, or `__Host-atelier_session` (Secure, Path=/, no Domain)
 * when Atelier is served over https. HttpOnly and SameSite=Lax always.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_TTL_MS } from '../accounts/sessions';

export const SESSION_COOKIE = 'atelier_session';
export const SECURE_SESSION_COOKIE = '__Host-atelier_session';

/** Reads the session token from a raw Cookie header (used at the websocket upgrade too). */
export function sessionTokenFromCookieHeader(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  let plain: string | undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === SECURE_SESSION_COOKIE) return value;
    if (name === SESSION_COOKIE) plain = value;
  }
  return plain;
}

export function readSessionToken(c: Context): string | undefined {
  return getCookie(c, SECURE_SESSION_COOKIE) ?? getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context, token: string, secure: boolean, expiresAt: number) {
  const maxAge = Math.max(0, Math.floor(Math.min(expiresAt - Date.now(), SESSION_TTL_MS) / 1000));
  if (secure) {
    // Hono adds the __Host- prefix itself (and enforces Secure, Path=/, no Domain).
    setCookie(c, SESSION_COOKIE, token, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge, prefix: 'host' });
  } else {
    setCookie(c, SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge });
  }
}

export function clearSessionCookie(c: Context, secure: boolean) {
  if (secure) deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, prefix: 'host' });
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
