/**
 * A protocol's way to the Resource Centre, as the server keeps it (docs/api.md): its lifecycle
 * state and timeline, the steps people take, publishing, and exports of the current draft.
 */
import { api } from './api-client';
import type { ResourceVersion } from './resources-api';
import type { Language } from './types';

export const PROTOCOL_STATES = ['draft', 'in_review', 'approved', 'published'] as const;
export type ProtocolState = (typeof PROTOCOL_STATES)[number];

/** The steps the transitions endpoint takes (publishing has its own endpoint). */
export type ProtocolTransition = 'propose_review' | 'withdraw' | 'request_changes' | 'approve' | 'start_revision';
export type ProtocolAction = ProtocolTransition | 'publish' | 'unpublish' | 'created';

export interface TimelineEntry {
  action: ProtocolAction;
  from: ProtocolState | null;
  to: ProtocolState;
  actorId: string | null;
  actorName: string | null;
  comment: string;
  at: number;
}

export interface ProtocolStatus {
  protocolId: string;
  language: Language;
  state: ProtocolState;
  timeline: TimelineEntry[];
  counterpart: { protocolId: string; language: Language; title: string; state: ProtocolState; behind: boolean } | null;
  /** This version lags behind its counterpart. */
  behind: boolean;
  translationPending: boolean;
  /** The Resource Centre item this protocol (or its counterpart) was published under. */
  resourceItemId: string | null;
  /** What the latest approval pinned — publishing publishes that — and whether the draft changed since. */
  approval: { at: number; by: string | null; byName: string | null; title: string; editedSince: boolean } | null;
}

export interface PublishInput {
  summary: string;
  counterpartSummary?: string;
  changeSummary?: string;
  authors?: string[];
  /** Only the programme manager may set it. */
  public?: boolean;
}

const protocolPath = (copId: string, protocolId: string) => `/api/cops/${encodeURIComponent(copId)}/protocols/${encodeURIComponent(protocolId)}`;

export const protocolsApi = {
  status: (copId: string, protocolId: string) => api.get<ProtocolStatus>(`${protocolPath(copId, protocolId)}/status`),
  transition: (copId: string, protocolId: string, action: ProtocolTransition, comment?: string) =>
    api.post<ProtocolStatus>(`${protocolPath(copId, protocolId)}/transitions`, comment?.trim() ? { action, comment: comment.trim() } : { action }),
  publish: (copId: string, protocolId: string, input: PublishInput) =>
    api.post<ResourceVersion>(`${protocolPath(copId, protocolId)}/publish`, input)
};

export function protocolExportHref(copId: string, protocolId: string, format: 'md' | 'docx'): string {
  return `${protocolPath(copId, protocolId)}/export/${format}`;
}
