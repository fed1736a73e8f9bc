/** Invitations: creating, listing and revoking them (facilitators), reading and accepting (anyone). */
import { api } from './api-client';
import { copPath } from './cops-api';
import type { Invitation, InvitationInput, InvitationPreview, Language, User } from './types';

const tokenPath = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;

export interface NewAccount {
  name: string;
  email: string;
  password: string;
  language?: Language;
}

export const invitationsApi = {
  list: (copId: string) => api.get<Invitation[]>(`${copPath(copId)}/invitations`),
  create: (copId: string, input: InvitationInput) => api.post<Invitation>(`${copPath(copId)}/invitations`, input),
  revoke: (copId: string, token: string) => api.delete(`${copPath(copId)}/invitations/${encodeURIComponent(token)}`),
  preview: (token: string) => api.get<InvitationPreview>(tokenPath(token), { anonymous: true }),
  /** With an account, creates it; without one, joins the signed-in user. */
  accept: (token: string, account?: NewAccount) =>
    api.post<{ user: User; copId: string }>(`${tokenPath(token)}/accept`, account ?? {}, { anonymous: account !== undefined })
};
