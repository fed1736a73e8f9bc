/**
 * `pnpm atelier seed-demo`: a realistic programme for newcomers to explore — three COPs (one
 * working in French) with members from every order of government. Every person and organisation
 * here is invented. Running it twice changes nothing.
 */
import { createCop } from '../accounts/cops';
import { AccessEvents } from '../accounts/access-events';
import { addMembership } from '../accounts/memberships';
import type { Experience, MembershipRole, Participation } from '../accounts/roles';
import { createUser, findUserByEmail, type Language } from '../accounts/users';
import type { SqliteDatabase } from '../db/database';

export const DEMO_PASSWORD = 'atelier-demo-2026';
const DOMAIN = 'demo.atelier.test';

interface DemoPerson {
  key: string;
  name: string;
  language: Language;
}

const PEOPLE: DemoPerson[] = [
  { key: 'manager', name: 'Mireille Tremblay-Okafor', language: 'fr' },
  { key: 'amara', name: 'Amara Singh', language: 'en' },
  { key: 'daniel', name: 'Daniel Whitehorse', language: 'en' },
  { key: 'helene', name: 'Hélène Gagnon', language: 'fr' },
  { key: 'kwame', name: 'Kwame Mensah', language: 'en' },
  { key: 'lucie', name: 'Lucie Bergeron', language: 'fr' },
  { key: 'priya', name: 'Priya Natarajan', language: 'en' },
  { key: 'thomas', name: 'Thomas Nakoochee', language: 'en' },
  { key: 'sophie', name: 'Sophie Lavoie', language: 'fr' },
  { key: 'marc', name: 'Marc-André Pelletier', language: 'fr' },
  { key: 'grace', name: 'Grace Cardinal', language: 'en' },
  { key: 'olivier', name: 'Olivier Dubé', language: 'fr' },
  { key: 'jenna', name: 'Jenna MacDonald', language: 'en' }
];

type Seat = [person: string, role: MembershipRole, participation: Participation, experience: Experience];

const COPS: { name: string; areaOfInterest: string; language: Language; description: string; seats: Seat[] }[] = [
  {
    name: 'Portfolio Management Circle',
    areaOfInterest: 'Portfolio Management',
    language: 'en',
    description:
      'Practitioners from federal departments, two provinces, a First Nation and three municipalities comparing how they choose, fund and stop projects. Working on a protocol for quarterly portfolio reviews.',
    seats: [
      ['amara', 'facilitator', 'core', 'experienced'],
      ['daniel', 'member', 'core', 'experienced'],
      ['kwame', 'member', 'core', 'learning'],
      ['priya', 'member', 'core', 'learning'],
      ['grace', 'member', 'core', 'experienced'],
      ['jenna', 'member', 'broader', 'learning'],
      ['helene', 'observer', 'broader', 'experienced']
    ]
  },
  {
    name: 'Communauté de pratique en gestion du changement',
    areaOfInterest: 'Gestion du changement',
    language: 'fr',
    description:
      'Des praticiennes et praticiens des administrations fédérale, provinciales et municipales qui partagent leurs approches pour accompagner les équipes lors des transformations. Protocole en cours : plan de communication du changement.',
    seats: [
      ['helene', 'facilitator', 'core', 'experienced'],
      ['lucie', 'member', 'core', 'experienced'],
      ['sophie', 'member', 'core', 'learning'],
      ['marc', 'member', 'core', 'learning'],
      ['olivier', 'member', 'broader', 'learning'],
      ['amara', 'member', 'broader', 'experienced']
    ]
  },
  {
    name: 'Business Process Re-engineering Lab',
    areaOfInterest: 'Business Process Re-engineering',
    language: 'en',
    description:
      'A hands-on group mapping permit, grant and intake processes across orders of government, with a draft protocol for running a process-mapping workshop.',
    seats: [
      ['thomas', 'facilitator', 'core', 'experienced'],
      ['kwame', 'facilitator', 'core', 'experienced'],
      ['jenna', 'member', 'core', 'learning'],
      ['marc', 'member', 'core', 'experienced'],
      ['grace', 'member', 'broader', 'learning'],
      ['priya', 'observer', 'broader', 'learning']
    ]
  }
];

export async function seedDemo(db: SqliteDatabase): Promise<string> {
  const managerEmail = `manager@${DOMAIN}`;
  if (findUserByEmail(db, managerEmail)) return 'The demo programme is already there; nothing changed.';

  const events = new AccessEvents();
  const ids = new Map<string, string>();
  for (const person of PEOPLE) {
    const user = await createUser(db, {
      email: `${person.key}@${DOMAIN}`,
      name: person.name,
      language: person.language,
      password: DEMO_PASSWORD,
      isManager: person.key === 'manager'
    });
    ids.set(person.key, user.id);
  }
  db.transaction(() => {
    for (const spec of COPS) {
      const cop = createCop(db, { ...spec, createdBy: ids.get('manager')! });
      for (const [person, role, participation, experience] of spec.seats) {
        addMembership({ db, events }, { copId: cop.id, userId: ids.get(person)!, role, participation, experience });
      }
    }
  }).immediate();
  return [
    `Seeded the demo programme: ${COPS.length} COPs, ${PEOPLE.length} people (all invented).`,
    `Sign in as the programme manager: ${managerEmail} / ${DEMO_PASSWORD}`,
    `or as a facilitator: amara@${DOMAIN} (English) or helene@${DOMAIN} (French), same password.`
  ].join('\n');
}
