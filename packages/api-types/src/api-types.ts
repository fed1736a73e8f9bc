/**
 * The shapes the Atelier JSON API answers with (see docs/api.md). Times are milliseconds since the
 * epoch; ids are opaque strings.
 */
export type Language = 'en' | 'fr';
export type MembershipRole = 'facilitator' | 'member' | 'observer';
export type Participation = 'core' | 'broader';
export type Experience = 'experienced' | 'learning';
/** Someone's standing towards one COP: the programme manager, a role, or nothing. */
export type CopStanding = 'manager' | MembershipRole | null;

export const MEMBERSHIP_ROLES: readonly MembershipRole[] = ['facilitator', 'member', 'observer'];
export const PARTICIPATIONS: readonly Participation[] = ['core', 'broader'];
export const EXPERIENCE_LEVELS: readonly Experience[] = ['experienced', 'learning'];
export const LANGUAGES: readonly Language[] = ['en', 'fr'];

export interface User {
  id: string;
  email: string;
  name: string;
  language: Language;
  isManager: boolean;
}

export interface Membership {
  copId: string;
  role: MembershipRole;
  participation: Participation;
  experience: Experience;
}

export interface Me {
  user: User;
  memberships: Membership[];
}

export interface Cop {
  id: string;
  name: string;
  areaOfInterest: string;
  language: Language;
  description: string;
  status: 'active' | 'archived';
  createdAt: number;
  memberCount: number;
  coreCount: number;
  coreGroupWarning: boolean;
  facilitators: { id: string; name: string }[];
  myRole: CopStanding;
  hasPendingRequest: boolean;
  /**
   * What the COP's documents and library files take against its quota; only in
   * `GET /api/cops/{copId}`, and only for its facilitators and the programme manager.
   */
  storage?: { usedBytes: number; quotaBytes: number };
}

export interface CopInput {
  name: string;
  areaOfInterest: string;
  language: Language;
  description?: string;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  participation: Participation;
  experience: Experience;
  joinedAt: number;
}

export interface Invitation {
  token: string;
  url: string;
  copId: string;
  role: MembershipRole;
  participation: Participation;
  /** The experience the people it brings in start with. */
  experience: Experience;
  maxUses: number | null;
  uses: number;
  expiresAt: number;
  revoked: boolean;
  createdAt: number;
}

export interface InvitationInput {
  role: MembershipRole;
  participation?: Participation;
  /** Default 'learning'. */
  experience?: Experience;
  maxUses?: number;
  expiresInDays?: number;
}

/** What anyone holding an invitation link may learn about it before accepting. */
export interface InvitationPreview {
  copId: string;
  copName: string;
  copLanguage: Language;
  areaOfInterest?: string;
  role: MembershipRole;
  participation: Participation;
  experience: Experience;
  expiresAt: number;
}

export interface JoinRequest {
  id: string;
  userId: string;
  name: string;
  email: string;
  message: string | null;
  createdAt: number;
}

export interface DeviceSession {
  id: string;
  userAgent: string | null;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  current: boolean;
}

/** `GET /api/limits`: the sizes this server is configured to accept, for checks on the device. */
export interface Limits {
  /** Largest file a COP library accepts (MAX_UPLOAD_BYTES). */
  maxUploadBytes: number;
}

/**
 * A person's own profile in a COP's roster (`PATCH /api/cops/{copId}/me/profile`): what they say
 * about themselves, kept in the COP's workspace document. '' means not set; the choices are those
 * of @atelier/workspace's roster (order of government, experience, contact channel).
 */
export interface OwnRosterProfile {
  userId: string;
  organisation: string;
  orderOfGovernment: string;
  expertise: string;
  experience: Experience | '';
  contactChannel: string;
  contactNote: string;
}

export type OwnRosterProfilePatch = Partial<Omit<OwnRosterProfile, 'userId'>>;
