/**
 * The Resource Centre (docs/api.md, "Protocols, the Resource Centre and exports"): search, one
 * item with its version history, one immutable version, exports, and the programme manager's
 * "make public" and "unpublish". Items marked public are also readable without an account, under
 * `/api/public/resources`; `publicResourcesApi` reads those.
 */
import { api } from './api-client';
import type { Language } from './types';

export type { ResourceItem, ResourceItemDetail, ResourceLanguageVersion, ResourceVersion, ResourceVersionEntry } from '@atelier/api-types';
import type { ResourceItem, ResourceItemDetail, ResourceVersion } from '@atelier/api-types';

export interface ResourceQuery {
  q?: string;
  cop?: string;
  area?: string;
  language?: Language | '';
  /** Days like 2026-03-14. */
  from?: string;
  to?: string;
}

const itemPath = (id: string) => `/api/resources/${encodeURIComponent(id)}`;
const publicItemPath = (id: string) => `/api/public/resources/${encodeURIComponent(id)}`;

export function resourceQueryString(query: ResourceQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const v = typeof value === 'string' ? value.trim() : '';
    if (v) params.set(key, v);
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

export const resourcesApi = {
  search: (query: ResourceQuery, signal?: AbortSignal) => api.get<ResourceItem[]>(`/api/resources${resourceQueryString(query)}`, { signal }),
  get: (id: string) => api.get<ResourceItemDetail>(itemPath(id)),
  version: (id: string, n: number) => api.get<ResourceVersion>(`${itemPath(id)}/versions/${n}`),
  setPublic: (id: string, isPublic: boolean) => api.patch<ResourceItem>(itemPath(id), { public: isPublic }),
  unpublish: (id: string, comment?: string) => api.post<void>(`${itemPath(id)}/unpublish`, comment ? { comment } : {})
};

/** The same reads for items marked public, without a session (a 401 never means "session lost" here). */
export const publicResourcesApi = {
  get: (id: string) => api.get<ResourceItemDetail>(publicItemPath(id), { anonymous: true }),
  version: (id: string, n: number) => api.get<ResourceVersion>(`${publicItemPath(id)}/versions/${n}`, { anonymous: true })
};

/** Where a version downloads as Markdown or DOCX, in one language; `signedOut` uses the public path. */
export function versionExportHref(id: string, n: number, format: 'md' | 'docx', language: Language, signedOut = false): string {
  return `${signedOut ? publicItemPath(id) : itemPath(id)}/versions/${n}/export/${format}?language=${language}`;
}
