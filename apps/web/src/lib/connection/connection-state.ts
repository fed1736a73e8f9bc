/**
 * The one connection state every indicator shows. While documents are open on the page, their
 * sockets are the truth (a socket that is open reaches the server; none open means not connected,
 * whatever a probe said a moment ago); with none open, the last `/healthz` probe is.
 */
export type ConnectionState = 'checking' | 'online' | 'offline' | 'unreachable';

export type ProbeResult = 'checking' | 'online' | 'unreachable';

export interface ConnectionFacts {
  /** What the operating system says (`navigator.onLine`); `false` is reliable, `true` is not. */
  systemOnline: boolean;
  /** The last answer (or silence) of `/healthz`. */
  probe: ProbeResult;
  /** Documents this page syncs, and how many of their sockets are open right now. */
  openDocuments: number;
  connectedDocuments: number;
}

export function connectionState({ systemOnline, probe, openDocuments, connectedDocuments }: ConnectionFacts): ConnectionState {
  if (!systemOnline) return 'offline';
  if (openDocuments === 0) return probe;
  if (connectedDocuments > 0) return 'online';
  // The server answered a probe but no socket is open yet: they are reconnecting right now.
  return probe === 'online' ? 'checking' : probe;
}
