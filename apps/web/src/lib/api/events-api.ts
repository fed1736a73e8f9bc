/** The programme's learning events (docs/api.md, "Learning events"). */
import { api } from './api-client';
import type { Language } from './types';

export { EVENT_KINDS } from '@atelier/api-types';
export type { EventKind, LearningEvent, Presentation } from '@atelier/api-types';
import type { EventKind, LearningEvent, Presentation } from '@atelier/api-types';

/** What the manager fills in; times are ISO strings with an offset. */
export interface EventInput {
  kind: EventKind;
  titleEn: string;
  titleFr: string;
  descriptionEn?: string;
  descriptionFr?: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place?: string;
  onlineLink?: string;
}

export interface PresentationInput {
  copId: string;
  title: string;
  presenters: string;
  resourceItemIds?: string[];
  minutes?: number;
}

const eventPath = (id: string) => `/api/events/${encodeURIComponent(id)}`;

export const eventsApi = {
  list: (upcoming = false) => api.get<LearningEvent[]>(`/api/events${upcoming ? '?upcoming=1' : ''}`),
  get: (id: string) => api.get<LearningEvent>(eventPath(id)),
  create: (input: EventInput) => api.post<LearningEvent>('/api/events', input),
  update: (id: string, input: EventInput) => api.put<LearningEvent>(eventPath(id), input),
  remove: (id: string) => api.delete(eventPath(id)),
  signUp: (id: string, input: PresentationInput) => api.post<Presentation>(`${eventPath(id)}/presentations`, input),
  withdraw: (id: string, presentationId: string) => api.delete(`${eventPath(id)}/presentations/${encodeURIComponent(presentationId)}`),
  setRunningOrder: (id: string, order: string[]) => api.put<Presentation[]>(`${eventPath(id)}/running-order`, { order })
};

export const CALENDAR_HREF = '/api/events/calendar.ics';
export const eventCalendarHref = (id: string) => `${eventPath(id)}/calendar.ics`;
