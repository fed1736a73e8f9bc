// An honest connection indicator: "online" only when the Atelier server answers, not merely
// when the operating system reports a network (venue Wi-Fi often has no internet behind it).
import { browser } from '$app/environment';

export type ConnectionState = 'checking' | 'online' | 'offline' | 'unreachable';

/** How often to re-check the server while the page is visible; cheap (a tiny JSON). */
const PROBE_INTERVAL_MS = 30_000;
/** A probe slower than this counts as unreachable: a stalled venue network is no network. */
const PROBE_TIMEOUT_MS = 5_000;

class ConnectionStatus {
  state = $state<ConnectionState>('checking');
  #timer: ReturnType<typeof setInterval> | undefined;

  start() {
    if (!browser || this.#timer) return;
    addEventListener('online', () => void this.probe());
    addEventListener('offline', () => (this.state = 'offline'));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.probe();
    });
    this.#timer = setInterval(() => void this.probe(), PROBE_INTERVAL_MS);
    void this.probe();
  }

  async probe() {
    if (!navigator.onLine) {
      this.state = 'offline';
      return;
    }
    try {
      const res = await fetch('/healthz', { cache: 'no-store', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      this.state = res.ok ? 'online' : 'unreachable';
    } catch {
      // A failed fetch while the OS says "online" means the server (or the internet) is not there.
      this.state = navigator.onLine ? 'unreachable' : 'offline';
    }
  }
}

export const connection = new ConnectionStatus();
