/** COPs: the directory, one COP, creating and editing them, and asking to join. */
import { api } from './api-client';
import type { Cop, CopInput, Language } from './types';

export interface DirectoryQuery {
  q?: string;
  language?: Language | '';
  status?: 'active' | 'archived' | 'all';
}

const copPath = (copId: string) => `/api/cops/${encodeURIComponent(copId)}`;

export const copsApi = {
  list(query: DirectoryQuery = {}, signal?: AbortSignal) {
    const params = new URLSearchParams();
    if (query.q?.trim()) params.set('q', query.q.trim());
    if (query.language) params.set('language', query.language);
    if (query.status) params.set('status', query.status);
    const qs = params.toString();
    return api.get<Cop[]>(`/api/cops${qs ? `?${qs}` : ''}`, { signal });
  },
  get: (copId: string) => api.get<Cop>(copPath(copId)),
  create: (input: CopInput) => api.post<Cop>('/api/cops', input),
  update: (copId: string, patch: Partial<CopInput> & { status?: Cop['status'] }) => api.patch<Cop>(copPath(copId), patch),
  requestToJoin: (copId: string, message?: string) =>
    api.post<{ id: string; copId: string; status: string }>(`${copPath(copId)}/join-requests`, message ? { message } : {})
};

export { copPath };
