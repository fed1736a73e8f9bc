/**
 * Roles and what each may do. A COP membership has one of three roles; the programme manager is
 * a property of the account and sees and manages every COP.
 */
export const MEMBERSHIP_ROLES = ['facilitator', 'member', 'observer'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const PARTICIPATIONS = ['core', 'broader'] as const;
export type Participation = (typeof PARTICIPATIONS)[number];

export const EXPERIENCE_LEVELS = ['experienced', 'learning'] as const;
export type Experience = (typeof EXPERIENCE_LEVELS)[number];

/** Someone's standing towards one COP, as decided from the database. */
export type CopStanding = 'manager' | MembershipRole | 'none';

/** Core groups work best at 10-12 members; above this the facilitator is warned. */
export const CORE_GROUP_WARNING_ABOVE = 12;

export const canReadCop = (s: CopStanding) => s !== 'none';
export const canWriteCop = (s: CopStanding) => s === 'manager' || s === 'facilitator' || s === 'member';
export const canManageMembers = (s: CopStanding) => s === 'manager' || s === 'facilitator';
/** The COP's storage use against its quota: for those who can free room or grant more. */
export const canSeeCopStorage = (s: CopStanding) => s === 'manager' || s === 'facilitator';
