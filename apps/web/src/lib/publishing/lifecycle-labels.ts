/** Words for a protocol's lifecycle states and steps, in the UI language. */
import { m } from '$lib/paraglide/messages.js';
import type { ProtocolAction, ProtocolState } from '$lib/api/protocols-api';
import type { PanelAction } from './lifecycle-rules';

export function stateLabel(state: ProtocolState): string {
  switch (state) {
    case 'draft':
      return m.pub_state_draft();
    case 'in_review':
      return m.pub_state_in_review();
    case 'approved':
      return m.pub_state_approved();
    case 'published':
      return m.pub_state_published();
  }
}

export function actionLabel(action: ProtocolAction): string {
  switch (action) {
    case 'created':
      return m.pub_did_created();
    case 'propose_review':
      return m.pub_did_propose_review();
    case 'withdraw':
      return m.pub_did_withdraw();
    case 'request_changes':
      return m.pub_did_request_changes();
    case 'approve':
      return m.pub_did_approve();
    case 'publish':
      return m.pub_did_publish();
    case 'start_revision':
      return m.pub_did_start_revision();
    case 'unpublish':
      return m.pub_did_unpublish();
  }
}

export function actionButtonLabel(action: PanelAction): string {
  switch (action) {
    case 'propose_review':
      return m.pub_do_propose_review();
    case 'withdraw':
      return m.pub_do_withdraw();
    case 'request_changes':
      return m.pub_do_request_changes();
    case 'approve':
      return m.pub_do_approve();
    case 'publish':
      return m.pub_do_publish();
    case 'start_revision':
      return m.pub_do_start_revision();
    case 'unpublish':
      return m.pub_do_unpublish();
  }
}
