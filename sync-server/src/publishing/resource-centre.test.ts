// The Resource Centre's search on a real database: one statement for the whole list (not one
// per item, and no item's HTML or JSON read to build it), with every filter still applied.
import { plainText, renderHtml, renderMarkdown, type RichTextNode } from '@atelier/rich-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cop } from '../accounts/cops';
import type { SqliteDatabase } from '../db/database';
import { createPerson, createTestCop, startTestServer, type Person, type TestServer } from '../test-support/test-server';
import { addVersion, searchResources, setPublic, unpublishItem, type LanguageVersion } from './resource-centre';

let server: TestServer;
let manager: Person;
let copA: Cop;
let copB: Cop;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

const content = (title: string, body: string): LanguageVersion => {
  const json: RichTextNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] };
  return { title, summary: `${title} summary`, json, html: renderHtml(json), markdown: renderMarkdown(json), text: plainText(json) };
};

const publish = (cop: Cop, n: number, languages: { en?: LanguageVersion; fr?: LanguageVersion }, isPublic = false) =>
  addVersion(
    server.db,
    { copId: cop.id, protocols: { en: languages.en && `p${n}-en`, fr: languages.fr && `p${n}-fr` }, publishedBy: manager.user.id, changeSummary: '', authors: [], content: languages, isPublic },
    T0 + n * DAY
  );

/** Every SQL statement `run` prepares on the real database. */
function statementsOf<T>(db: SqliteDatabase, run: () => T): { result: T; statements: string[] } {
  const statements: string[] = [];
  const prepare = db.prepare;
  db.prepare = ((sql: string) => (statements.push(sql), prepare.call(db, sql))) as typeof db.prepare;
  try {
    return { result: run(), statements };
  } finally {
    db.prepare = prepare;
  }
}

beforeAll(async () => {
  server = await startTestServer();
  manager = await createPerson(server, { isManager: true });
  copA = createTestCop(server, manager.user, 'COP A');
  copB = createTestCop(server, manager.user, 'COP B');
  server.db.prepare("UPDATE cops SET area_of_interest = 'Gestion du changement' WHERE id = ?").run(copA.id);
  server.db.prepare("UPDATE cops SET area_of_interest = 'Santé publique' WHERE id = ?").run(copB.id);
  for (let n = 1; n <= 30; n++) publish(n % 2 ? copA : copB, n, { en: content(`Guide ${n}`, `Body of guide ${n} about budgets`) });
  publish(copB, 31, { fr: content('Échelle du ministère', 'Le texte sur la santé') }, true);
  publish(copA, 32, { en: content('Bilingual', 'English text'), fr: content('Bilingue', 'Texte français') });
  const gone = publish(copA, 33, { en: content('Withdrawn guide', 'budgets, withdrawn') });
  unpublishItem(server.db, gone.itemId);
});
afterAll(() => server.dispose());

describe('searchResources', () => {
  it('builds the list of many items in one statement without reading their HTML or JSON', () => {
    for (const query of [{}, { q: 'budgets' }]) {
      const { result, statements } = statementsOf(server.db, () => searchResources(server.db, query));
      expect(result.length).toBeGreaterThanOrEqual(30);
      expect(statements).toHaveLength(1);
      expect(statements[0]).not.toMatch(/_html|_json|_markdown|_text\b/);
    }
  });

  it('still lists newest first, leaves out taken-down items and applies every filter', () => {
    const all = searchResources(server.db);
    expect(all.map((i) => i.publishedAt)).toEqual([...all.map((i) => i.publishedAt)].sort((x, y) => y - x));
    expect(all.map((i) => i.title.en)).not.toContain('Withdrawn guide');
    expect(searchResources(server.db, { q: 'withdrawn' })).toEqual([]);

    expect(searchResources(server.db, { copId: copB.id }).every((i) => i.copId === copB.id)).toBe(true);
    // Areas match with accents and case folded.
    expect(searchResources(server.db, { area: 'SANTE PUBLIQUE' }).map((i) => i.copId)).toEqual(Array(16).fill(copB.id));
    expect(searchResources(server.db, { area: 'gestion du changement' })).toHaveLength(16);
    expect(searchResources(server.db, { language: 'fr' }).map((i) => i.title.fr).sort()).toEqual(['Bilingue', 'Échelle du ministère']);
    expect(searchResources(server.db, { publicOnly: true }).map((i) => i.title.fr)).toEqual(['Échelle du ministère']);
    expect(searchResources(server.db, { from: T0 + 10 * DAY, to: T0 + 12 * DAY }).map((i) => i.title.en)).toEqual(['Guide 12', 'Guide 11', 'Guide 10']);

    const bilingual = searchResources(server.db, { q: 'bilingue' });
    expect(bilingual).toHaveLength(1);
    expect(bilingual[0]).toMatchObject({ languages: ['en', 'fr'], title: { en: 'Bilingual', fr: 'Bilingue' }, summary: { fr: 'Bilingue summary' }, translationPending: false });
    expect(searchResources(server.db, { q: 'echelle ministere' }).map((i) => i.title.fr)).toEqual(['Échelle du ministère']);
  });

  it('follows a change of public flag', () => {
    const [item] = searchResources(server.db, { q: 'bilingue' });
    setPublic(server.db, item!.id, true);
    expect(searchResources(server.db, { publicOnly: true, q: 'bilingue' })).toHaveLength(1);
  });
});
