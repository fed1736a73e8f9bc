/**
 * The one way the app talks to the JSON API: same-origin fetch with the session cookie, JSON in
 * and out, errors turned into ApiRequestError / NetworkError. A 401 on any call that needs a
 * session is also announced to `onSessionLost` listeners (the account store), so the app can ask
 * the person to sign in again without throwing anything away.
 */
import { getLocale } from '$lib/paraglide/runtime.js';
import { connection } from '$lib/connection/connection-status.svelte';
import { ApiRequestError, errorFromResponse, NetworkError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Sign-in and accepting an invitation answer 401 for bad credentials, not for a lost session. */
  anonymous?: boolean;
  signal?: AbortSignal;
}

const sessionLostListeners = new Set<() => void>();

/** Called whenever the server says the session is gone; returns the unsubscribe. */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/** Sends one API request; resolves with the parsed JSON body (undefined for 204). */
export async function apiRequest<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  // The device knows there is no network: fail at once rather than send a doomed request.
  if (typeof navigator !== 'undefined') {
    await connection.whenProbed();
    if (navigator.onLine === false || connection.noNetwork) throw new NetworkError(new Error('offline'));
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      // The server writes its messages in the language of the screen (a signed-in person's own
      // language first, which the app keeps equal to the screen's).
      headers: {
        Accept: 'application/json',
        'Accept-Language': getLocale(),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new NetworkError(cause);
  }
  if (!res.ok) {
    const error = await errorFromResponse(res);
    if (error.status === 401 && !options.anonymous) for (const listener of sessionLostListeners) listener();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, body, options),
  delete: (path: string, options?: RequestOptions) => apiRequest<void>('DELETE', path, undefined, options)
};

export { ApiRequestError, NetworkError };
