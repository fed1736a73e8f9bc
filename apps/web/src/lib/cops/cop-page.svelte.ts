/**
 * One COP as its page shows it: the COP, and — for those allowed — its members, open invitations
 * and pending requests to join. Starts from the device's copy of the COP (so the page opens
 * offline), then asks the server. Every change goes to the server first and is shown once it
 * answers: the server decides who may do what.
 */
import { untrack } from 'svelte';
import { account } from '$lib/account/account.svelte';
import { copsApi } from '$lib/api/cops-api';
import { invitationsApi } from '$lib/api/invitations-api';
import { membersApi, type MemberPatch } from '$lib/api/members-api';
import type { Cop, CopStanding, Invitation, InvitationInput, JoinRequest, Member, MembershipRole, Participation } from '$lib/api/types';

/** Core groups work best at 10-12 people; above this the page warns (as the server does). */
export const CORE_GROUP_WARNING_ABOVE = 12;

/** What an approved request to join grants: chosen on the request's card. */
export interface JoinGrant {
  role: MembershipRole;
  participation: Participation;
}

export class CopPage {
  cop = $state<Cop | null>(null);
  members = $state<Member[]>([]);
  invitations = $state<Invitation[]>([]);
  requests = $state<JoinRequest[]>([]);
  loading = $state(true);
  error = $state<unknown>(null);

  constructor(readonly copId: string) {
    // Untracked: a page built inside a $derived must not be rebuilt each time my COP list changes.
    this.cop = untrack(() => account.cops.find((c) => c.id === copId) ?? null);
  }

  get standing(): CopStanding {
    return this.cop?.myRole ?? account.standingIn(this.copId);
  }

  /** Manager or this COP's facilitator: invites, edits members, answers requests. */
  get canManage(): boolean {
    return this.standing === 'manager' || this.standing === 'facilitator';
  }

  get isManager(): boolean {
    return this.standing === 'manager';
  }

  get coreCount(): number {
    return this.members.length ? this.members.filter((mb) => mb.participation === 'core').length : (this.cop?.coreCount ?? 0);
  }

  get coreGroupWarning(): boolean {
    return this.coreCount > CORE_GROUP_WARNING_ABOVE;
  }

  async load() {
    this.loading = true;
    try {
      const cop = await copsApi.get(this.copId);
      this.cop = cop;
      if (cop.myRole !== null) account.rememberCop(cop);
      const canManage = cop.myRole === 'manager' || cop.myRole === 'facilitator';
      const [members, invitations, requests] = await Promise.all([
        cop.myRole !== null ? membersApi.list(this.copId) : Promise.resolve([]),
        canManage ? invitationsApi.list(this.copId) : Promise.resolve([]),
        canManage ? membersApi.joinRequests(this.copId) : Promise.resolve([])
      ]);
      this.members = members;
      this.invitations = invitations.sort((a, b) => b.createdAt - a.createdAt);
      this.requests = requests;
      this.error = null;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  async updateMember(userId: string, patch: MemberPatch) {
    const updated = await membersApi.update(this.copId, userId, patch);
    this.members = this.members.map((mb) => (mb.userId === userId ? updated : mb));
    await this.#refreshCop();
  }

  async removeMember(userId: string) {
    await membersApi.remove(this.copId, userId);
    this.members = this.members.filter((mb) => mb.userId !== userId);
    await this.#refreshCop();
  }

  async createInvitation(input: InvitationInput): Promise<Invitation> {
    const invitation = await invitationsApi.create(this.copId, input);
    this.invitations = [invitation, ...this.invitations];
    return invitation;
  }

  async revokeInvitation(token: string) {
    await invitationsApi.revoke(this.copId, token);
    this.invitations = this.invitations.filter((i) => i.token !== token);
  }

  async approve(id: string, grant: JoinGrant = { role: 'member', participation: 'broader' }) {
    const member = await membersApi.approve(this.copId, id, grant);
    this.requests = this.requests.filter((r) => r.id !== id);
    this.members = [...this.members, member];
    await this.#refreshCop();
  }

  async decline(id: string) {
    await membersApi.decline(this.copId, id);
    this.requests = this.requests.filter((r) => r.id !== id);
  }

  /** Counts and facilitators change with membership: take the server's word for them. */
  async #refreshCop() {
    try {
      this.cop = await copsApi.get(this.copId);
      if (this.cop.myRole !== null) account.rememberCop(this.cop);
    } catch {
      // The change itself succeeded; stale counts are corrected at the next load.
    }
  }
}
