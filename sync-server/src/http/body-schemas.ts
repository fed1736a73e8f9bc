/** Valibot schemas of the API's request bodies, with messages that say what a field must be. */
import * as v from 'valibot';
import { EXPERIENCE_LEVELS, MEMBERSHIP_ROLES, PARTICIPATIONS } from '../accounts/roles';
import { MAX_INVITATION_DAYS } from '../accounts/invitations';

const text = (label: string, max: number) =>
  v.pipe(v.string(`must be text`), v.trim(), v.minLength(1, `${label} is required`), v.maxLength(max, `must be at most ${max} characters`));

export const email = v.pipe(v.string('must be text'), v.trim(), v.maxLength(254, 'must be at most 254 characters'), v.email('must be an email address'));
export const newPassword = v.pipe(
  v.string('must be text'),
  v.minLength(10, 'must be at least 10 characters'),
  v.maxLength(200, 'must be at most 200 characters')
);
export const language = v.picklist(['en', 'fr'], 'must be "en" or "fr"');
export const role = v.picklist(MEMBERSHIP_ROLES, `must be one of ${MEMBERSHIP_ROLES.join(', ')}`);
export const participation = v.picklist(PARTICIPATIONS, `must be one of ${PARTICIPATIONS.join(', ')}`);
export const experience = v.picklist(EXPERIENCE_LEVELS, `must be one of ${EXPERIENCE_LEVELS.join(', ')}`);
export const personName = text('a name', 120);

export const SignInBody = v.object({
  email: v.pipe(v.string('must be text'), v.maxLength(254, 'must be at most 254 characters')),
  password: v.pipe(v.string('must be text'), v.maxLength(200, 'must be at most 200 characters'))
});

export const UpdateMeBody = v.strictObject({ name: v.optional(personName), language: v.optional(language) }, 'unknown field');

export const ChangePasswordBody = v.object({
  currentPassword: v.pipe(v.string('must be text'), v.maxLength(200, 'must be at most 200 characters')),
  newPassword
});

export const CreateCopBody = v.object({
  name: text('a name', 120),
  areaOfInterest: text('an area of interest', 120),
  language,
  description: v.optional(v.pipe(v.string('must be text'), v.maxLength(4000, 'must be at most 4000 characters')))
});

export const UpdateCopBody = v.object({
  name: v.optional(text('a name', 120)),
  areaOfInterest: v.optional(text('an area of interest', 120)),
  language: v.optional(language),
  description: v.optional(v.pipe(v.string('must be text'), v.maxLength(4000, 'must be at most 4000 characters'))),
  status: v.optional(v.picklist(['active', 'archived'], 'must be "active" or "archived"'))
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
  maxUses: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(1000, 'must be at most 1000'))),
  expiresInDays: v.optional(
    v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(MAX_INVITATION_DAYS, `must be at most ${MAX_INVITATION_DAYS}`))
  )
});

/** A new account accepting an invitation; a signed-in user sends an empty body instead. */
export const AcceptInvitationBody = v.object({ name: personName, email, password: newPassword, language: v.optional(language) });

export const JoinRequestBody = v.object({
  message: v.optional(v.pipe(v.string('must be text'), v.maxLength(1000, 'must be at most 1000 characters')))
});

export const ApproveRequestBody = v.object({ role: v.optional(role), participation: v.optional(participation) });
