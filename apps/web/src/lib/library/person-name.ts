/**
 * Who added a library item, by name: the COP's member list (kept on the device), else me, else
 * someone online now. The programme manager and people who left are not in the member list
 * (GET /members lists memberships only), so they are named from presence when they are online.
 */
import { m } from '$lib/paraglide/messages.js';
import { account } from '$lib/account/account.svelte';
import type { WorkspaceSession } from '$lib/workspace/workspace-session.svelte';

export function personName(session: WorkspaceSession, userId: string): string {
  return (
    session.members.get(userId)?.name ??
    (account.user?.id === userId ? account.user.name : undefined) ??
    session.presence.online.find((p) => p.id === userId)?.name ??
    m.lib_someone()
  );
}
