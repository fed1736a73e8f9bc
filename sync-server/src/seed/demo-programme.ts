/**
 * `pnpm atelier seed-demo`: a realistic programme for newcomers to explore — three COPs (one
 * working in French) with members from every order of government and, in the English and the
 * French COP, a programme of work (demo-workspace.ts): a past meeting with minutes, decisions,
 * actions and attendance, shared costs, a note, a draft protocol, a protocol published with its
 * translation, a library file, and a presentation at the upcoming Learning Event. Every person
 * and organisation here is invented.
 *
 * Running it twice changes nothing: each part (person, COP, seat, workspace, publication, event)
 * is looked for first and only made when missing, so an interrupted run is finished by the next.
 * The COPs it creates are new, so no open room of the running server holds their documents.
 */
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { AccessEvents } from '../accounts/access-events';
import { createCop } from '../accounts/cops';
import { addMembership, findMember } from '../accounts/memberships';
import type { Experience, MembershipRole, Participation } from '../accounts/roles';
import { createUser, findUserByEmail, type Language } from '../accounts/users';
import type { AtelierConfig } from '../config';
import type { SqliteDatabase } from '../db/database';
import { BlobReferences } from '../files/blob-references';
import { DiskBlobStore } from '../files/disk-blob-store';
import { storeUpload } from '../files/file-upload';
import { CopStorage } from '../storage/cop-storage';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { seedLearningEvent, type DemoPresentation } from './demo-event';
import { GESTION_CHANGEMENT } from './demo-gestion-changement';
import { onePagePdf } from './demo-pdf';
import { PORTFOLIO_CIRCLE } from './demo-portfolio-circle';
import { publishDemoProtocol } from './demo-publishing';
import type { DemoProgramme } from './demo-spec';
import { seedWorkspace } from './demo-workspace';

export const DEMO_PASSWORD = 'atelier-demo-2026';
export const DEMO_DOMAIN = 'demo.atelier.test';
const DOMAIN = DEMO_DOMAIN;

interface DemoPerson {
  key: string;
  name: string;
  language: Language;
}

export const DEMO_PEOPLE: DemoPerson[] = [
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

export const DEMO_COPS: { name: string; areaOfInterest: string; language: Language; description: string; seats: Seat[] }[] = [
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

/** The COPs that get a programme of work, not only members. */
const PROGRAMMES: DemoProgramme[] = [PORTFOLIO_CIRCLE, GESTION_CHANGEMENT];

function findCopByName(db: SqliteDatabase, name: string): string | undefined {
  return (db.prepare('SELECT id FROM cops WHERE name = ? ORDER BY created_at LIMIT 1').get(name) as { id: string } | undefined)?.id;
}

/** Stores the programme's library file under an id derived from its COP, so a rerun finds it. */
async function storeDemoFile(db: SqliteDatabase, config: AtelierConfig, copId: string, programme: DemoProgramme, uploadedBy: string) {
  const bytes = onePagePdf(programme.file.lines);
  const fileId = `demo${createHash('sha256').update(`${copId}/${programme.file.fileName}`).digest('hex').slice(0, 28)}`;
  const blobs = new DiskBlobStore(config.dataDir);
  const { record } = await storeUpload(
    { db, blobs, blobRefs: new BlobReferences(db, blobs), config, storage: new CopStorage(db, config.copStorageQuotaBytes) },
    { fileId, copId, fileName: programme.file.fileName, uploadedBy, body: Readable.from([Buffer.from(bytes)]) }
  );
  return { fileId: record.id, size: record.size, contentType: record.contentType };
}

export async function seedDemo(db: SqliteDatabase, config: AtelierConfig, now = Date.now()): Promise<string> {
  const events = new AccessEvents();
  const ids = new Map<string, string>();
  const people = new Map<string, { id: string; name: string }>();
  const made = { people: 0, cops: 0, workspaces: 0, publications: 0, event: false };
  for (const person of DEMO_PEOPLE) {
    const email = `${person.key}@${DOMAIN}`;
    let user = findUserByEmail(db, email);
    if (!user) {
      user = await createUser(db, { email, name: person.name, language: person.language, password: DEMO_PASSWORD, isManager: person.key === 'manager' });
      made.people += 1;
    }
    ids.set(person.key, user.id);
    people.set(person.key, { id: user.id, name: user.name });
  }
  const copIds = new Map<string, string>();
  db.transaction(() => {
    for (const spec of DEMO_COPS) {
      let copId = findCopByName(db, spec.name);
      if (!copId) {
        copId = createCop(db, { ...spec, createdBy: ids.get('manager')! }).id;
        made.cops += 1;
      }
      copIds.set(spec.name, copId);
      for (const [person, role, participation, experience] of spec.seats) {
        if (!findMember(db, copId, ids.get(person)!)) addMembership({ db, events }, { copId, userId: ids.get(person)!, role, participation, experience });
      }
    }
  }).immediate();

  const store = new SqliteDocumentStore(db);
  const presentations: DemoPresentation[] = [];
  for (const programme of PROGRAMMES) {
    const copId = copIds.get(programme.cop);
    if (!copId) throw new Error(`The demo programme is for a COP that is not in the list: ${programme.cop}`);
    const person = (key: string) => ids.get(key)!;
    const file = await storeDemoFile(db, config, copId, programme, person(programme.file.by));
    const { protocols, created } = await seedWorkspace(store, { copId, programme, people, file, now });
    if (created) made.workspaces += 1;
    const other = programme.published.language === 'en' ? 'fr' : 'en';
    const { itemId, published } = await publishDemoProtocol(db, store, {
      copId,
      protocols,
      authorId: person(programme.published.by),
      facilitatorId: person(programme.published.facilitator),
      summary: programme.published.summary[programme.published.language],
      counterpartSummary: programme.published.summary[other]
    });
    if (published) made.publications += 1;
    presentations.push({ copId, ...programme.presentation, resourceItemId: itemId, createdBy: person(programme.published.facilitator) });
  }
  made.event = seedLearningEvent(db, { managerId: ids.get('manager')!, now, presentations }).created;

  const changed = made.people + made.cops + made.workspaces + made.publications > 0 || made.event;
  return [
    changed
      ? `Seeded the demo programme: ${DEMO_COPS.length} COPs, ${DEMO_PEOPLE.length} people (all invented); ${PROGRAMMES.length} COPs with a meeting, costs, notes, protocols (published to the Resource Centre) and a library file; an upcoming Learning Event.`
      : 'The demo programme is already there; nothing changed.',
    `Sign in as the programme manager: manager@${DOMAIN} / ${DEMO_PASSWORD}`,
    `or as a facilitator: amara@${DOMAIN} (English) or helene@${DOMAIN} (French), same password.`
  ].join('\n');
}
