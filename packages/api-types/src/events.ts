/** Learning events and their presentations, as the API answers (docs/api.md, "Learning events"). */
import type { Language } from './api-types';

export const EVENT_KINDS = ['quarterly', 'fair'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface Presentation {
  id: string;
  eventId: string;
  copId: string;
  copName: string;
  title: string;
  presenters: string;
  resourceItemIds: string[];
  position: number;
  minutes: number;
}

export interface LearningEvent {
  id: string;
  kind: EventKind;
  title: Record<Language, string>;
  description: Record<Language, string>;
  startsAt: number;
  endsAt: number;
  timeZone: string;
  place: string;
  onlineLink: string;
  updatedAt: number;
  sequence: number;
  /** In running order. */
  presentations: Presentation[];
}
