/**
 * The upcoming Learning Event of the demo programme, with each demo COP signed up to present its
 * published protocol. Found again by its English title, so a second run adds nothing.
 */
import type { SqliteDatabase } from '../db/database';
import { createEvent, listEvents, signUp, type LearningEvent } from '../events/learning-events';
import { workingDayFromNow, zonedInstant } from './demo-dates';

const TITLE = { en: 'Winter Learning Event: what our COPs learned this quarter', fr: 'Activité d’apprentissage d’hiver : ce que nos CdP ont appris ce trimestre' };
const ZONE = 'America/Toronto';

export interface DemoPresentation {
  copId: string;
  title: string;
  presenters: string;
  minutes: number;
  resourceItemId: string;
  createdBy: string;
}

export function seedLearningEvent(db: SqliteDatabase, input: { managerId: string; now: number; presentations: DemoPresentation[] }): { event: LearningEvent; created: boolean } {
  const existing = listEvents(db).find((e) => e.title.en === TITLE.en);
  const day = workingDayFromNow(input.now, 24, ZONE);
  const event =
    existing ??
    createEvent(
      db,
      {
        kind: 'quarterly',
        title: TITLE,
        description: {
          en: 'Each COP presents what it published this quarter, followed by questions from the whole network.',
          fr: 'Chaque CdP présente ce qu’elle a publié ce trimestre; une période de questions ouverte à tout le réseau suit.'
        },
        startsAt: zonedInstant(day, '13:00', ZONE),
        endsAt: zonedInstant(day, '15:30', ZONE),
        timeZone: ZONE,
        place: 'Canada School of Public Service learning centre (invented), Ottawa, and online',
        onlineLink: 'https://events.demo.atelier.test/winter'
      },
      input.managerId,
      input.now
    );
  for (const p of input.presentations) {
    if (event.presentations.some((existing) => existing.copId === p.copId)) continue;
    signUp(db, { eventId: event.id, copId: p.copId, title: p.title, presenters: p.presenters, resourceItemIds: [p.resourceItemId], minutes: p.minutes, createdBy: p.createdBy });
  }
  return { event: listEvents(db).find((e) => e.id === event.id)!, created: !existing };
}
