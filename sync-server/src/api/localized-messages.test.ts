// Server-made error messages follow the person's language: the signed-in person's own, else
// the browser's Accept-Language, else English. Codes never change with the language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfile } from '../accounts/users';
import { api, createPerson, createTestCop, startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

describe('error messages in the person’s language', () => {
  it('answers a signed-out French browser’s bad sign-in body in French, with the English code', async () => {
    const res = await api(server, '/api/auth/sign-in', { body: { email: 42, password: 'x' }, headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' } });
    expect(res.status).toBe(400);
    expect(res.json.error).toEqual({ code: 'invalid_input', message: 'email : doit être du texte' });
  });

  it('keeps English for a browser that asks for it or for a language the server does not speak', async () => {
    const en = await api(server, '/api/auth/sign-in', { body: { email: 42, password: 'x' }, headers: { 'accept-language': 'de-DE,en;q=0.5' } });
    expect(en.json.error).toEqual({ code: 'invalid_input', message: 'email: must be text' });
    const none = await api(server, '/api/auth/sign-in', { body: 'not json' });
    expect(none.json.error).toEqual({ code: 'invalid_input', message: 'The request body is not valid JSON' });
  });

  it('answers a French-speaking person in French even when their browser asks for English', async () => {
    const person = await createPerson(server);
    updateProfile(server.db, person.user.id, { language: 'fr' });
    const bad = await api(server, '/api/me', { method: 'PATCH', cookie: person.cookie, body: { name: '' }, headers: { 'accept-language': 'en' } });
    expect(bad.json.error).toEqual({ code: 'invalid_input', message: 'name : le nom est obligatoire' });
    const missing = await api(server, '/api/cops/no-such-cop', { cookie: person.cookie, headers: { 'accept-language': 'en' } });
    expect(missing.json.error).toEqual({ code: 'not_found', message: 'Cette CdP n’existe pas' });
  });

  it('names a refused action in French inside a French refusal', async () => {
    const manager = await createPerson(server, { isManager: true });
    const cop = createTestCop(server, manager.user);
    const outsider = await createPerson(server);
    updateProfile(server.db, outsider.user.id, { language: 'fr' });
    const res = await api(server, `/api/cops/${cop.id}/invitations`, { cookie: outsider.cookie, body: { role: 'member' } });
    expect(res.status).toBe(403);
    expect(res.json.error).toEqual({ code: 'forbidden', message: 'Votre rôle ne vous permet pas de faire ceci : inviter des personnes' });
  });

  it('translates domain errors thrown below the API (an invitation no longer valid)', async () => {
    const res = await api(server, '/api/invitations/not-a-token', { headers: { 'accept-language': 'fr' } });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
    expect(res.json.error.message).toMatch(/^Cette invitation n’est plus valide/);
  });
});
