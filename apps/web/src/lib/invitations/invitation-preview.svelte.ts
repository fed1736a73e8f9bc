/** What an invitation link is for, as the server tells anyone holding it (no account needed). */
import { invitationsApi } from '$lib/api/invitations-api';
import type { InvitationPreview as Preview } from '$lib/api/types';

export class InvitationPreview {
  invitation = $state<Preview | null>(null);
  error = $state<unknown>(null);
  loading = $state(true);

  constructor(readonly token: string) {}

  async load() {
    this.loading = true;
    try {
      this.invitation = await invitationsApi.preview(this.token);
      this.error = null;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }
}
