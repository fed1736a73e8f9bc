/**
 * `pnpm atelier venue start` (docs/venue.md): the same server, from a prepared DATA_DIR, in venue
 * mode: sockets are admitted by venue pass (venue-admission.ts), and /healthz says whether
 * central answers and how many documents hold edits central has not confirmed.
 */
import type { AtelierConfig } from '../config';
import { openDatabase } from '../db/database';
import { log } from '../log';
import { startServer, type RunningServer } from '../server';
import { readHubRecord, type HubRecord } from './hub-record';
import { PrepareError } from './prepare-hub';
import { publicKeyFromBase64url } from './signing-key';
import { unconfirmedDocuments } from './unconfirmed';
import { venueAdmission } from './venue-admission';

/** How often the hub looks at central and at what it has not confirmed; /healthz shows the last look. */
export const HUB_STATUS_INTERVAL_MS = 1_000;
/** A central that takes longer than this to answer /healthz counts as unreachable. */
const UPSTREAM_PROBE_TIMEOUT_MS = 2_000;

export interface HubStatus {
  upstream: 'reachable' | 'unreachable';
  unconfirmed: number;
}

export interface RunningHub extends RunningServer {
  record: HubRecord;
  status: HubStatus;
}

async function upstreamAnswers(upstream: string): Promise<boolean> {
  try {
    const res = await fetch(new URL('/healthz', upstream), { signal: AbortSignal.timeout(UPSTREAM_PROBE_TIMEOUT_MS) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

export async function startHub(config: AtelierConfig): Promise<RunningHub> {
  const probe = openDatabase(config.dataDir);
  const record = readHubRecord(probe);
  probe.close();
  if (!record) throw new PrepareError(`${config.dataDir} is not a prepared hub: run "pnpm atelier venue prepare" first`);
  const centralKey = publicKeyFromBase64url(record.publicKey);
  const status: HubStatus = { upstream: 'unreachable', unconfirmed: 0 };

  const server = await startServer(config, {
    admit: (ctx) => venueAdmission(ctx, centralKey, record.upstream),
    health: () => ({ mode: 'venue', upstream: status.upstream, unconfirmed: status.unconfirmed }),
    started: (running) => {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const look = async () => {
        try {
          status.upstream = (await upstreamAnswers(record.upstream)) ? 'reachable' : 'unreachable';
          if (!stopped) status.unconfirmed = (await unconfirmedDocuments(running.db)).length;
        } catch (err) {
          // The next look tries again; the last known status stays shown meanwhile.
          log.error('venue hub status failed', { error: String(err) });
        }
        if (!stopped) timer = setTimeout(look, HUB_STATUS_INTERVAL_MS);
      };
      void look();
      return {
        async stop() {
          stopped = true;
          clearTimeout(timer);
        }
      };
    }
  });
  // The first look is answered before the hub says it is up, so /healthz is never a guess.
  status.unconfirmed = (await unconfirmedDocuments(server.db)).length;
  return { ...server, record, status };
}
