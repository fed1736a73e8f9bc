/** The words for roles, participation, experience and working languages, in the UI language. */
import { m } from '$lib/paraglide/messages.js';
import type { CopStanding, Experience, Language, MembershipRole, Participation } from '$lib/api/types';

export function roleLabel(role: MembershipRole | 'manager'): string {
  return { facilitator: m.role_facilitator, member: m.role_member, observer: m.role_observer, manager: m.role_manager }[role]();
}

export function standingLabel(standing: CopStanding): string | null {
  return standing ? roleLabel(standing) : null;
}

export function participationLabel(p: Participation): string {
  return p === 'core' ? m.participation_core() : m.participation_broader();
}

export function experienceLabel(e: Experience): string {
  return e === 'experienced' ? m.experience_experienced() : m.experience_learning();
}

/** A COP's working language, written in the UI language ("French" / « français »). */
export function languageLabel(l: Language): string {
  return l === 'en' ? m.language_en() : m.language_fr();
}
