// The page's one connection state, shown by the header and read by every page that cares: the
// sockets of the documents on screen when there are any, else a `/healthz` probe — "online" only
// when the Atelier server answers, not merely when the operating system reports a network (venue
// Wi-Fi often has no internet behind it). See connection-state.ts for the rule.
import { browser } from '$app/environment';
import { reconnectOpenSyncs, subscribeOpenSyncs, type OpenSyncsSummary } from '$lib/sync/open-syncs';
import { connectionState, type ConnectionState, type ProbeResult } from './connection-state';

export type { ConnectionState } from './connection-state';

/** How often to re-check the server while the page is visible; cheap (a tiny JSON). */
const PROBE_INTERVAL_MS = 30_000;
/** A probe slower than this counts as unreachable: a stalled venue network is no network. */
const PROBE_TIMEOUT_MS = 5_000;

class ConnectionStatus {
  #systemOnline = $state(true);
  #probe = $state<ProbeResult>('checking');
  #syncs = $state<OpenSyncsSummary>({ open: 0, connected: 0 });
  #timer: ReturnType<typeof setInterval> | undefined;
  #probed: Promise<void> = Promise.resolve();

  /** The device has no network (the system says so, or the service worker found none). */
  get noNetwork(): boolean {
    return !this.#systemOnline;
  }

  /**
   * Resolves once the first probe has answered: a request sent before it, with no network, would
   * fail loudly (Chromium keeps navigator.onLine true after an offline reload).
   */
  whenProbed(): Promise<void> {
    return this.#probed;
  }

  readonly state: ConnectionState = $derived(
    connectionState({
      systemOnline: this.#systemOnline,
      probe: this.#probe,
      openDocuments: this.#syncs.open,
      connectedDocuments: this.#syncs.connected
    })
  );

  start() {
    if (!browser || this.#timer) return;
    this.#systemOnline = navigator.onLine;
    subscribeOpenSyncs((summary) => {
      const lost = summary.open > 0 && summary.connected === 0 && this.#syncs.connected > 0;
      this.#syncs = summary;
      // An open socket is proof of a network, whatever the last probe found.
      if (summary.connected > 0) this.#systemOnline = true;
      // Every socket just dropped: find out at once whether the server is gone or only the socket.
      if (lost) void this.probe();
    });
    addEventListener('online', () => {
      this.#systemOnline = true;
      void this.probe();
    });
    addEventListener('offline', () => {
      this.#systemOnline = false;
      this.#probe = 'unreachable';
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.probe();
    });
    this.#timer = setInterval(() => void this.probe(), PROBE_INTERVAL_MS);
    this.#probed = this.probe();
  }

  async probe() {
    this.#systemOnline = navigator.onLine;
    if (!navigator.onLine) return;
    try {
      const res = await fetch('/healthz', { cache: 'no-store', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      // The service worker's answer when the device has no network at all (see vite.config.ts).
      if (res.headers.get('x-atelier-no-network')) {
        this.#systemOnline = false;
        this.#probe = 'unreachable';
        return;
      }
      this.#probe = res.ok ? 'online' : 'unreachable';
    } catch {
      this.#probe = 'unreachable';
      this.#systemOnline = navigator.onLine;
    }
    // The server answers: documents waiting out a backoff need not wait any longer.
    if (this.#probe === 'online') reconnectOpenSyncs();
  }
}

export const connection = new ConnectionStatus();
