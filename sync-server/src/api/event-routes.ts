/**
 * Learning events: every signed-in person sees them and downloads them as iCalendar; the
 * programme manager schedules them and sets the running order; a COP's facilitators sign their
 * COP up to present.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { canManageMembers } from '../accounts/roles';
import type { ServerContext } from '../context';
import {
  createEvent,
  deleteEvent,
  EVENT_KINDS,
  findPresentation,
  getEvent,
  listEvents,
  setRunningOrder,
  signUp,
  updateEvent,
  withdrawPresentation
} from '../events/learning-events';
import { toICalendar } from '../events/icalendar';
import { exportLanguage } from '../exports/export-language';
import { download, fileNameFor } from '../exports/download';
import { ApiError } from '../http/api-error';
import { fieldMessage as say, fieldMessages, fieldMessages as m } from '../messages/field-messages';
import { apiMessages } from '../messages/api-messages';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { parseBody } from '../http/validate';
import { itemSummary } from '../publishing/resource-centre';
import { requireCopStanding, requireManager } from './cop-permissions';

const text = (max: number) =>
  v.pipe(v.string(say(m.mustBeText())), v.trim(), v.minLength(1, say(m.required())), v.maxLength(max, say(m.atMostChars({ max }))));
const optionalText = (max: number) => v.optional(v.pipe(v.string(say(m.mustBeText())), v.maxLength(max, say(m.atMostChars({ max })))));
const instant = v.pipe(v.string(say(m.mustBeDateTime())), v.check((s) => !Number.isNaN(Date.parse(s)), say(m.mustBeDateTime())));
const timeZone = v.pipe(
  v.string(say(m.mustBeTimeZone())),
  v.check((z) => {
    try {
      new Intl.DateTimeFormat('en-CA', { timeZone: z });
      return true;
    } catch {
      return false;
    }
  }, say(m.mustBeTimeZone()))
);
const webAddress = say(m.mustBeWebAddress());

const EventBody = v.pipe(
  v.object({
    kind: v.picklist(EVENT_KINDS, say(m.mustBeEventKind())),
    titleEn: text(200),
    titleFr: text(200),
    descriptionEn: optionalText(4000),
    descriptionFr: optionalText(4000),
    startsAt: instant,
    endsAt: instant,
    timeZone,
    place: optionalText(300),
    onlineLink: v.optional(v.union([v.literal(''), v.pipe(v.string(webAddress), v.url(webAddress), v.regex(/^https?:/i, webAddress))], webAddress))
  }),
  v.forward(
    v.check((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), say(m.mustBeAfterStart())),
    ['endsAt']
  )
);

const minutes = say(m.mustBeWholeMinutes({ min: 5, max: 180 }));
const PresentationBody = v.object({
  copId: text(64),
  title: text(200),
  presenters: text(300),
  resourceItemIds: v.optional(v.pipe(v.array(v.string(say(m.mustBeIdList())), say(m.mustBeIdList())), v.maxLength(10, say(m.atMostItems({ max: 10 }))))),
  minutes: v.optional(v.pipe(v.number(minutes), v.integer(minutes), v.minValue(5, minutes), v.maxValue(180, minutes)))
});

const toInput = (b: v.InferOutput<typeof EventBody>) => ({
  kind: b.kind,
  title: { en: b.titleEn, fr: b.titleFr },
  description: { en: b.descriptionEn ?? '', fr: b.descriptionFr ?? '' },
  startsAt: Date.parse(b.startsAt),
  endsAt: Date.parse(b.endsAt),
  timeZone: b.timeZone,
  place: b.place ?? '',
  onlineLink: b.onlineLink ?? ''
});

export function eventRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();
  const origin = () => ctx.config.publicOrigins[0]!;

  app.get('/', (c) => {
    requireUser(c);
    return c.json(listEvents(ctx.db, { upcoming: c.req.query('upcoming') === '1' || c.req.query('upcoming') === 'true' }));
  });

  app.get('/calendar.ics', (c) => {
    const { user } = requireUser(c);
    const lang = exportLanguage(c.req.query('language'), user);
    return download(c, toICalendar(listEvents(ctx.db), origin(), lang), 'text/calendar; charset=utf-8', 'atelier-learning-events.ics');
  });

  app.post('/', async (c) => {
    const { user } = requireUser(c);
    requireManager(user, 'schedule learning events');
    const body = await parseBody(c, EventBody);
    return c.json(createEvent(ctx.db, toInput(body), user.id), 201);
  });

  app.get('/:id', (c) => {
    requireUser(c);
    return c.json(getEvent(ctx.db, c.req.param('id')));
  });

  app.get('/:id/calendar.ics', (c) => {
    const { user } = requireUser(c);
    const event = getEvent(ctx.db, c.req.param('id'));
    const lang = exportLanguage(c.req.query('language'), user);
    return download(c, toICalendar([event], origin(), lang), 'text/calendar; charset=utf-8', fileNameFor(event.title[lang], 'ics'));
  });

  app.put('/:id', async (c) => {
    const { user } = requireUser(c);
    requireManager(user, 'change learning events');
    const body = await parseBody(c, EventBody);
    return c.json(updateEvent(ctx.db, c.req.param('id'), toInput(body)));
  });

  app.delete('/:id', (c) => {
    const { user } = requireUser(c);
    requireManager(user, 'cancel learning events');
    deleteEvent(ctx.db, c.req.param('id'));
    return c.body(null, 204);
  });

  app.post('/:id/presentations', async (c) => {
    const { user } = requireUser(c);
    const body = await parseBody(c, PresentationBody);
    const { cop } = requireCopStanding(ctx.db, user, body.copId, canManageMembers, 'sign this COP up to present');
    getEvent(ctx.db, c.req.param('id'));
    for (const itemId of body.resourceItemIds ?? []) {
      const item = itemSummary(ctx.db, itemId);
      if (!item || !item.published || item.copId !== cop.id) {
        throw new ApiError(400, 'invalid_input', apiMessages.fieldProblem({ field: 'resourceItemIds', problem: fieldMessages.notPublishedItemOfCop({ id: itemId }) }));
      }
    }
    const presentation = signUp(ctx.db, {
      eventId: c.req.param('id'),
      copId: cop.id,
      title: body.title,
      presenters: body.presenters,
      resourceItemIds: body.resourceItemIds ?? [],
      minutes: body.minutes ?? 20,
      createdBy: user.id
    });
    return c.json(presentation, 201);
  });

  app.delete('/:id/presentations/:presentationId', (c) => {
    const { user } = requireUser(c);
    const presentation = findPresentation(ctx.db, c.req.param('id'), c.req.param('presentationId'));
    if (!presentation) throw new ApiError(404, 'not_found', apiMessages.noSuchPresentation());
    requireCopStanding(ctx.db, user, presentation.copId, canManageMembers, 'withdraw this presentation');
    withdrawPresentation(ctx.db, presentation.eventId, presentation.id);
    return c.body(null, 204);
  });

  app.put('/:id/running-order', async (c) => {
    const { user } = requireUser(c);
    requireManager(user, 'set the running order');
    const body = await parseBody(c, v.object({ order: v.array(v.string(say(m.mustBeIdList())), say(m.mustBeIdList())) }));
    try {
      return c.json(setRunningOrder(ctx.db, c.req.param('id'), body.order));
    } catch (err) {
      if (err instanceof RangeError) throw new ApiError(400, 'invalid_input', apiMessages.fieldProblem({ field: 'order', problem: fieldMessages.mustListEveryPresentation() }));
      throw err;
    }
  });

  return app;
}
