/** A COP's members and the requests to join it. */
import { api } from './api-client';
import { copPath } from './cops-api';
import type { Experience, JoinRequest, Member, MembershipRole, OwnRosterProfile, OwnRosterProfilePatch, Participation } from './types';

export interface MemberPatch {
  role?: MembershipRole;
  participation?: Participation;
  experience?: Experience;
}

const memberPath = (copId: string, userId: string) => `${copPath(copId)}/members/${encodeURIComponent(userId)}`;
const requestPath = (copId: string, id: string) => `${copPath(copId)}/join-requests/${encodeURIComponent(id)}`;

export const membersApi = {
  list: (copId: string) => api.get<Member[]>(`${copPath(copId)}/members`),
  update: (copId: string, userId: string, patch: MemberPatch) => api.patch<Member>(memberPath(copId, userId), patch),
  remove: (copId: string, userId: string) => api.delete(memberPath(copId, userId)),
  joinRequests: (copId: string) => api.get<JoinRequest[]>(`${copPath(copId)}/join-requests`),
  approve: (copId: string, id: string, body: { role?: MembershipRole; participation?: Participation } = {}) =>
    api.post<Member>(`${requestPath(copId, id)}/approve`, body),
  decline: (copId: string, id: string) => api.post<void>(`${requestPath(copId, id)}/decline`, {}),
  /** My own roster profile, written by the server (observers cannot write the workspace). */
  updateOwnProfile: (copId: string, patch: OwnRosterProfilePatch) =>
    api.patch<{ profile: OwnRosterProfile }>(`${copPath(copId)}/me/profile`, patch)
};
