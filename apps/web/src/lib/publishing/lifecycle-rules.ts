/** Which lifecycle steps a person may offer on a protocol; the server has the last word. */
import type { ProtocolState } from '$lib/api/protocols-api';
import type { CopStanding } from '$lib/api/types';

/** What one may do from a state (mirrors the server's table in sync-server/src/publishing/lifecycle.ts). */
export type PanelAction = 'propose_review' | 'withdraw' | 'request_changes' | 'approve' | 'publish' | 'start_revision' | 'unpublish';

export function allowedActions(state: ProtocolState, standing: CopStanding): PanelAction[] {
  if (standing === null || standing === 'observer') return [];
  const lead = standing === 'facilitator' || standing === 'manager';
  const out: PanelAction[] = [];
  if (state === 'draft') out.push('propose_review');
  if (state === 'in_review') {
    if (lead) out.push('approve', 'request_changes');
    out.push('withdraw');
  }
  if (state === 'approved' && lead) out.push('publish', 'request_changes');
  if (state === 'published') {
    out.push('start_revision');
    if (standing === 'manager') out.push('unpublish');
  }
  return out;
}
