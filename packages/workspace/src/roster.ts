/**
 * Roster profiles: what members say about themselves (organisation, order of government,
 * expertise, experienced or learning, how to reach them). Who is a member, and with what role,
 * is the server's decision, not this document's; profiles of people who left simply stop showing.
 *
 * Stored flat, one key per person and field (`{userId}:{field}`), so two people editing
 * different fields of one profile at once both keep their change.
 */
import * as Y from 'yjs';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';
import { optionalText, requireOneOf } from './validation-error';

export const ROSTER_KEY = 'roster';

export const ORDERS_OF_GOVERNMENT = ['federal', 'provincial', 'territorial', 'first-nations', 'municipal', 'other'] as const;
export type OrderOfGovernment = (typeof ORDERS_OF_GOVERNMENT)[number];

export const EXPERIENCE = ['experienced', 'learning'] as const;
export type RosterExperience = (typeof EXPERIENCE)[number];

export const CONTACT_CHANNELS = ['email', 'phone', 'text-message', 'video-call', 'in-person'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface RosterProfile {
  userId: string;
  organisation: string;
  orderOfGovernment: OrderOfGovernment | '';
  expertise: string;
  experience: RosterExperience | '';
  contactChannel: ContactChannel | '';
  contactNote: string;
}

const FIELDS = ['organisation', 'orderOfGovernment', 'expertise', 'experience', 'contactChannel', 'contactNote'] as const;
type Field = (typeof FIELDS)[number];

export function rosterMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap(ROSTER_KEY);
}

function emptyProfile(userId: string): RosterProfile {
  return { userId, organisation: '', orderOfGovernment: '', expertise: '', experience: '', contactChannel: '', contactNote: '' };
}

export function readProfile(doc: Y.Doc, userId: string): RosterProfile {
  const map = rosterMap(doc);
  const profile = emptyProfile(userId) as unknown as Record<string, string>;
  for (const field of FIELDS) {
    const value = map.get(`${userId}:${field}`);
    if (typeof value === 'string') profile[field] = value;
  }
  return sanitize(profile as unknown as RosterProfile);
}

/** Values a newer or broken client wrote that this version does not know read as empty. */
function sanitize(p: RosterProfile): RosterProfile {
  return {
    ...p,
    orderOfGovernment: (ORDERS_OF_GOVERNMENT as readonly string[]).includes(p.orderOfGovernment) ? p.orderOfGovernment : '',
    experience: (EXPERIENCE as readonly string[]).includes(p.experience) ? p.experience : '',
    contactChannel: (CONTACT_CHANNELS as readonly string[]).includes(p.contactChannel) ? p.contactChannel : ''
  };
}

/** Every profile someone has written, keyed by user id. */
export function readProfiles(doc: Y.Doc): Map<string, RosterProfile> {
  const ids = new Set<string>();
  for (const key of rosterMap(doc).keys()) ids.add(key.slice(0, key.lastIndexOf(':')));
  return new Map([...ids].map((id) => [id, readProfile(doc, id)]));
}

export type ProfilePatch = Partial<Omit<RosterProfile, 'userId'>>;

export function updateProfile(doc: Y.Doc, userId: string, patch: ProfilePatch, origin: ChangeOrigin = LOCAL_CHANGE) {
  const clean: Partial<Record<Field, string>> = {};
  if (patch.organisation !== undefined) clean.organisation = optionalText('organisation', patch.organisation, 200);
  if (patch.expertise !== undefined) clean.expertise = optionalText('expertise', patch.expertise, 1000);
  if (patch.contactNote !== undefined) clean.contactNote = optionalText('contactNote', patch.contactNote, 300);
  if (patch.orderOfGovernment) clean.orderOfGovernment = requireOneOf('orderOfGovernment', patch.orderOfGovernment, ORDERS_OF_GOVERNMENT);
  else if (patch.orderOfGovernment === '') clean.orderOfGovernment = '';
  if (patch.experience) clean.experience = requireOneOf('experience', patch.experience, EXPERIENCE);
  else if (patch.experience === '') clean.experience = '';
  if (patch.contactChannel) clean.contactChannel = requireOneOf('contactChannel', patch.contactChannel, CONTACT_CHANNELS);
  else if (patch.contactChannel === '') clean.contactChannel = '';
  const map = rosterMap(doc);
  doc.transact(() => {
    for (const [field, value] of Object.entries(clean)) {
      if (map.get(`${userId}:${field}`) !== value) map.set(`${userId}:${field}`, value);
    }
  }, origin);
}
