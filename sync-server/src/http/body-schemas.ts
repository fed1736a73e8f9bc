/** Valibot schemas of the API's request bodies, with messages that say what a field must be. */
import { ATTENDANCE_STATUSES } from '@atelier/workspace';
import * as v from 'valibot';
import { CONTACT_CHANNELS, EXPERIENCE, ORDERS_OF_GOVERNMENT } from '@atelier/workspace';
import { EXPERIENCE_LEVELS, MEMBERSHIP_ROLES, PARTICIPATIONS } from '../accounts/roles';
import { MAX_INVITATION_DAYS } from '../accounts/invitations';
import { MAX_PASS_COPS } from '../venue/venue-pass';
import type { LocalText } from '../messages/define-messages';
import { fieldMessage as say, fieldMessages as m } from '../messages/field-messages';

const text = (label: LocalText, max: number) =>
  v.pipe(v.string(say(m.mustBeText())), v.trim(), v.minLength(1, say(m.isRequired({ what: label }))), v.maxLength(max, say(m.atMostChars({ max }))));

export const email = v.pipe(v.string(say(m.mustBeText())), v.trim(), v.maxLength(254, say(m.atMostChars({ max: 254 }))), v.email(say(m.mustBeEmail())));
export const newPassword = v.pipe(
  v.string(say(m.mustBeText())),
  v.minLength(10, say(m.atLeastChars({ min: 10 }))),
  v.maxLength(200, say(m.atMostChars({ max: 200 })))
);
export const language = v.picklist(['en', 'fr'], say(m.mustBeEnOrFr()));
export const role = v.picklist(MEMBERSHIP_ROLES, say(m.mustBeOneOf({ choices: MEMBERSHIP_ROLES.join(', ') })));
export const participation = v.picklist(PARTICIPATIONS, say(m.mustBeOneOf({ choices: PARTICIPATIONS.join(', ') })));
export const experience = v.picklist(EXPERIENCE_LEVELS, say(m.mustBeOneOf({ choices: EXPERIENCE_LEVELS.join(', ') })));
export const personName = text(m.aName(), 120);

export const SignInBody = v.object({
  email: v.pipe(v.string(say(m.mustBeText())), v.maxLength(254, say(m.atMostChars({ max: 254 })))),
  password: v.pipe(v.string(say(m.mustBeText())), v.maxLength(200, say(m.atMostChars({ max: 200 }))))
});

export const UpdateMeBody = v.strictObject({ name: v.optional(personName), language: v.optional(language) }, say(m.unknownField()));

export const ChangePasswordBody = v.object({
  currentPassword: v.pipe(v.string(say(m.mustBeText())), v.maxLength(200, say(m.atMostChars({ max: 200 })))),
  newPassword
});

export const CreateCopBody = v.object({
  name: text(m.aName(), 120),
  areaOfInterest: text(m.anAreaOfInterest(), 120),
  language,
  description: v.optional(v.pipe(v.string(say(m.mustBeText())), v.maxLength(4000, say(m.atMostChars({ max: 4000 })))))
});

export const UpdateCopBody = v.object({
  name: v.optional(text(m.aName(), 120)),
  areaOfInterest: v.optional(text(m.anAreaOfInterest(), 120)),
  language: v.optional(language),
  description: v.optional(v.pipe(v.string(say(m.mustBeText())), v.maxLength(4000, say(m.atMostChars({ max: 4000 }))))),
  status: v.optional(v.picklist(['active', 'archived'], say(m.mustBeOneOf({ choices: 'active, archived' }))))
});

export const AddMemberBody = v.object({ email, role, participation: v.optional(participation), experience: v.optional(experience) });

export const UpdateMemberBody = v.object({
  role: v.optional(role),
  participation: v.optional(participation),
  experience: v.optional(experience)
});

export const CreateInvitationBody = v.object({
  role,
  participation: v.optional(participation),
  experience: v.optional(experience),
  maxUses: v.optional(v.pipe(v.number(say(m.mustBeNumber())), v.integer(say(m.mustBeWholeNumber())), v.minValue(1, say(m.atLeast({ min: 1 }))), v.maxValue(1000, say(m.atMost({ max: 1000 }))))),
  expiresInDays: v.optional(
    v.pipe(v.number(say(m.mustBeNumber())), v.integer(say(m.mustBeWholeNumber())), v.minValue(1, say(m.atLeast({ min: 1 }))), v.maxValue(MAX_INVITATION_DAYS, say(m.atMost({ max: MAX_INVITATION_DAYS }))))
  )
});

/** A new account accepting an invitation; a signed-in user sends an empty body instead. */
export const AcceptInvitationBody = v.object({ name: personName, email, password: newPassword, language: v.optional(language) });

export const JoinRequestBody = v.object({
  message: v.optional(v.pipe(v.string(say(m.mustBeText())), v.maxLength(1000, say(m.atMostChars({ max: 1000 })))))
});

/** An attendance mark; `null` takes one's mark back. */
export const MyAttendanceBody = v.strictObject(
  { status: v.nullable(v.picklist(ATTENDANCE_STATUSES, say(m.mustBeOneOf({ choices: ATTENDANCE_STATUSES.join(', ') })))) },
  say(m.unknownField())
);

export const ApproveRequestBody = v.object({ role: v.optional(role), participation: v.optional(participation) });

const profileText = (max: number) => v.pipe(v.string(say(m.mustBeText())), v.maxLength(max, say(m.atMostChars({ max }))));
/** One of the choices, or '' to clear the field. */
const profileChoice = <const T extends readonly string[]>(choices: T) =>
  v.picklist(['', ...choices] as ['', ...T], say(m.mustBeOneOf({ choices: `'', ${choices.join(', ')}` })));

/**
 * A person's own roster profile in a COP (the workspace's `roster`): the fields and bounds of
 * `updateProfile` in @atelier/workspace, each optional; a field left out is left as it is.
 */
export const OwnProfileBody = v.strictObject(
  {
    organisation: v.optional(profileText(200)),
    orderOfGovernment: v.optional(profileChoice(ORDERS_OF_GOVERNMENT)),
    expertise: v.optional(profileText(1000)),
    experience: v.optional(profileChoice(EXPERIENCE)),
    contactChannel: v.optional(profileChoice(CONTACT_CHANNELS)),
    contactNote: v.optional(profileText(300))
  },
  say(m.unknownField())
);

/** COP ids in venue requests: a short list of short strings (checked against the database after). */
const copIdList = (max: number) =>
  v.pipe(
    v.array(v.pipe(v.string(say(m.mustBeIdList())), v.maxLength(64, say(m.mustBeIdList()))), say(m.mustBeIdList())),
    v.minLength(1, say(m.atLeastOneItem())),
    v.maxLength(max, say(m.atMostItems({ max })))
  );

/** Registering a venue hub at central (docs/venue.md). */
export const CreateVenueDeviceBody = v.strictObject({ name: text(m.aName(), 120), cops: copIdList(MAX_PASS_COPS) }, say(m.unknownField()));

/** Asking for a venue pass; without `cops`, every COP the person is a member of. */
export const VenuePassBody = v.strictObject({ cops: v.optional(copIdList(MAX_PASS_COPS)) }, say(m.unknownField()));
