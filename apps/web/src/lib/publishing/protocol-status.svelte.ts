/**
 * A protocol's lifecycle as the server keeps it (state, timeline, counterpart, Resource Centre
 * item), for the lifecycle panel: loaded once, reloaded after each step. The lifecycle lives in
 * the database, not in the Y.Doc, so with no network the panel says so instead of guessing.
 */
import { ApiRequestError } from '$lib/api/api-error';
import { protocolsApi, type ProtocolStatus, type ProtocolTransition, type PublishInput } from '$lib/api/protocols-api';
import { resourcesApi } from '$lib/api/resources-api';

export class ProtocolLifecycle {
  status = $state<ProtocolStatus | null>(null);
  loading = $state(false);
  error = $state<unknown>(null);
  /** The server has not seen this protocol yet (created here, workspace not synced yet). */
  notOnServer = $state(false);

  constructor(
    readonly copId: string,
    readonly protocolId: string
  ) {}

  async load() {
    this.loading = true;
    try {
      this.status = await protocolsApi.status(this.copId, this.protocolId);
      this.error = null;
      this.notOnServer = false;
    } catch (error) {
      this.error = error;
      this.notOnServer = error instanceof ApiRequestError && error.status === 404;
    } finally {
      this.loading = false;
    }
  }

  async take(action: ProtocolTransition, comment?: string) {
    this.status = await protocolsApi.transition(this.copId, this.protocolId, action, comment);
  }

  async publish(input: PublishInput) {
    const version = await protocolsApi.publish(this.copId, this.protocolId, input);
    await this.load();
    return version;
  }

  async unpublish(comment?: string) {
    if (!this.status?.resourceItemId) return;
    await resourcesApi.unpublish(this.status.resourceItemId, comment);
    await this.load();
  }
}
