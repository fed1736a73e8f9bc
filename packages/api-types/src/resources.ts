/** The Resource Centre's items and immutable versions, as the API answers (docs/api.md). */
import type { Language } from './api-types';

/** A published item as listed by the Resource Centre. */
export interface ResourceItem {
  id: string;
  copId: string;
  copName: string;
  areaOfInterest: string;
  isPublic: boolean;
  published: boolean;
  latestVersion: number;
  publishedAt: number;
  languages: Language[];
  title: Partial<Record<Language, string>>;
  summary: Partial<Record<Language, string>>;
  /** Published in one language only: the other is still to come. */
  translationPending: boolean;
}

/** One language of a published version, rendered by the server when it was published. */
export interface ResourceLanguageVersion {
  title: string;
  summary: string;
  /** Safe HTML rendered on the server from the stored rich text. */
  html: string;
  markdown: string;
  text: string;
}

export interface ResourceVersion {
  itemId: string;
  version: number;
  publishedAt: number;
  /** Absent on public (signed-out) answers. */
  publishedBy?: string | null;
  changeSummary: string;
  /** Absent on public (signed-out) answers. */
  authors?: { id: string; name: string }[];
  en: ResourceLanguageVersion | null;
  fr: ResourceLanguageVersion | null;
}

export interface ResourceVersionEntry {
  version: number;
  publishedAt: number;
  changeSummary: string;
}

export interface ResourceItemDetail extends ResourceItem {
  versions: ResourceVersionEntry[];
  latest: ResourceVersion;
}
