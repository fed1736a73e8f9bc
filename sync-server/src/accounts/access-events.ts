/**
 * Changes to who may do what, announced the moment the database changes, so that already-open
 * websockets follow at once (a removed member is disconnected, a demoted one becomes read-only).
 */
import { EventEmitter } from 'node:events';
import type { MembershipRole } from './roles';

export interface AccessEventMap {
  /** These sessions no longer exist (sign-out, ended from "my sessions", password change). */
  'sessions-ended': [{ sessionIds: string[] }];
  /** A user's role in a COP changed; `role: null` means they are no longer a member. */
  'membership-changed': [{ copId: string; userId: string; role: MembershipRole | null }];
  /** A COP was archived or restored. */
  'cop-status-changed': [{ copId: string; status: 'active' | 'archived' }];
  /** A venue hub was revoked at central: its upstream sockets close (venue/venue-devices.ts). */
  'venue-device-revoked': [{ deviceId: string }];
}

export class AccessEvents extends EventEmitter<AccessEventMap> {}
