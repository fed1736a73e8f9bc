/** My sessions on every device, newest activity first, and ending one (or all the others). */
import { authApi } from '$lib/api/auth-api';
import type { DeviceSession } from '$lib/api/types';

export class DeviceSessions {
  sessions = $state<DeviceSession[]>([]);
  loading = $state(true);
  error = $state<unknown>(null);

  get others(): DeviceSession[] {
    return this.sessions.filter((s) => !s.current);
  }

  async load() {
    this.loading = true;
    try {
      const sessions = await authApi.sessions();
      this.sessions = sessions.sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt);
      this.error = null;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  async end(id: string) {
    await authApi.endSession(id);
    this.sessions = this.sessions.filter((s) => s.id !== id);
  }

  async endOthers() {
    for (const session of this.others) await this.end(session.id);
  }
}
