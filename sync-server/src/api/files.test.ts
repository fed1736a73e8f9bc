// COP library files through the real server: uploads stream to disk, are deduplicated, checked
// by content, limited in size, served with safe headers and ranges, and only to the COP.
import { request as httpRequest } from 'node:http';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cop } from '../accounts/cops';
import { excelWorkbook, openDocumentText, pdfDocument, powerPointDeck, wordDocument } from '../test-support/office-documents';
import { createPerson, createTestCop, joinCop, startTestServer, type Person, type TestServer } from '../test-support/test-server';

let server: TestServer;
let cop: Cop;
let otherCop: Cop;
const people = {} as Record<'manager' | 'facilitator' | 'member' | 'observer' | 'outsider' | 'otherMember', Person>;

beforeAll(async () => {
  server = await startTestServer({ MAX_UPLOAD_BYTES: String(4 * 1024 * 1024) });
  people.manager = await createPerson(server, { isManager: true });
  cop = createTestCop(server, people.manager.user, 'Library COP');
  otherCop = createTestCop(server, people.manager.user, 'Other COP');
  for (const role of ['facilitator', 'member', 'observer'] as const) {
    people[role] = await createPerson(server);
    joinCop(server, cop, people[role], role);
  }
  people.outsider = await createPerson(server);
  people.otherMember = await createPerson(server);
  joinCop(server, otherCop, people.otherMember, 'member');
});
afterAll(() => server.dispose());

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n${'x'.repeat(200)}\n%%EOF\n`);
let seq = 0;
const newId = () => `file${Date.now().toString(36)}${(seq++).toString(36).padStart(4, '0')}`;

async function put(person: Person | undefined, copId: string, fileId: string, body: Buffer, name = 'deck.pdf', extra: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/cops/${copId}/files/${fileId}`, {
    method: 'PUT',
    headers: { ...(person ? { cookie: person.cookie } : {}), 'x-file-name': encodeURIComponent(name), 'content-type': 'application/octet-stream', ...extra },
    body: new Uint8Array(body)
  });
  return { status: res.status, json: (await res.json().catch(() => undefined)) as any };
}

async function get(person: Person | undefined, copId: string, fileId: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/cops/${copId}/files/${fileId}`, { headers: { ...(person ? { cookie: person.cookie } : {}), ...headers } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

function storedBlobs(): string[] {
  const root = join(server.dataDir, 'blobs');
  return readdirSync(root)
    .filter((d) => d !== 'incoming')
    .flatMap((d) => readdirSync(join(root, d)).map((f) => join(root, d, f)));
}

describe('uploading and downloading', () => {
  it('stores a file and gives back the same bytes with safe headers', async () => {
    const id = newId();
    const body = pdf('March deck');
    const up = await put(people.member, cop.id, id, body, 'Présentation de mars.pdf');
    expect(up.status).toBe(201);
    expect(up.json).toMatchObject({ id, copId: cop.id, size: body.length, contentType: 'application/pdf', fileName: 'Présentation de mars.pdf' });
    const down = await get(people.observer, cop.id, id);
    expect(down.status).toBe(200);
    expect(down.body.equals(body)).toBe(true);
    expect(down.headers.get('content-type')).toBe('application/pdf');
    expect(down.headers.get('x-content-type-options')).toBe('nosniff');
    expect(down.headers.get('content-disposition')).toBe(`inline; filename="Pr_sentation de mars.pdf"; filename*=UTF-8''Pr%C3%A9sentation%20de%20mars.pdf`);
    expect(down.headers.get('content-security-policy')).toMatch(/sandbox/);
  });

  it('lets only the app itself frame a file, so the library can preview a PDF in the page', async () => {
    // Regression: X-Frame-Options: DENY alone blocked the library's PDF preview (<iframe>).
    const id = newId();
    expect((await put(people.member, cop.id, id, pdf('Preview'), 'preview.pdf')).status).toBe(201);
    const down = await get(people.member, cop.id, id);
    const csp = down.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'self'(;|$)/);
    expect(csp).toMatch(/sandbox allow-downloads/);
  });

  it.each([
    ['report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', wordDocument],
    ['costs.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', excelWorkbook],
    ['deck.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', powerPointDeck],
    ['protocole.odt', 'application/vnd.oasis.opendocument.text', openDocumentText],
    ['agenda.pdf', 'application/pdf', pdfDocument]
  ])('accepts a real %s as %s', async (name, type, make) => {
    const res = await put(people.member, cop.id, newId(), make(), name);
    expect(res.status).toBe(201);
    expect(res.json.contentType).toBe(type);
  });

  it('serves office documents and text as downloads, never inline', async () => {
    const id = newId();
    expect((await put(people.member, cop.id, id, wordDocument(), 'report.docx')).status).toBe(201);
    const down = await get(people.member, cop.id, id);
    expect(down.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(down.headers.get('content-disposition')).toMatch(/^attachment;/);
    const csv = newId();
    expect((await put(people.member, cop.id, csv, Buffer.from('what,amount\nroom,240\n'), 'costs.csv')).status).toBe(201);
    expect((await get(people.member, cop.id, csv)).headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('treats a retried upload with the same id as the same file, and refuses other content under that id', async () => {
    const id = newId();
    const body = pdf('retry');
    expect((await put(people.member, cop.id, id, body)).status).toBe(201);
    const again = await put(people.member, cop.id, id, body);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(id);
    expect((await put(people.member, cop.id, id, pdf('different'))).status).toBe(409);
  });

  it('stores the same content once, however many files point at it', async () => {
    const body = pdf('shared deck ' + Date.now());
    const before = storedBlobs().length;
    for (let i = 0; i < 3; i++) expect((await put(people.member, cop.id, newId(), body)).status).toBe(201);
    expect(storedBlobs().length).toBe(before + 1);
  });

  it('answers range requests, including suffix ranges, and 416 for impossible ones', async () => {
    const id = newId();
    const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, i) => i % 251))]);
    expect((await put(people.member, cop.id, id, body, 'big.pdf')).status).toBe(201);
    const middle = await get(people.member, cop.id, id, { range: 'bytes=1000000-1000099' });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe(`bytes 1000000-1000099/${body.length}`);
    expect(middle.body.equals(body.subarray(1000000, 1000100))).toBe(true);
    const tail = await get(people.member, cop.id, id, { range: 'bytes=-10' });
    expect(tail.body.equals(body.subarray(body.length - 10))).toBe(true);
    const open = await get(people.member, cop.id, id, { range: `bytes=${body.length - 5}-` });
    expect(open.body.length).toBe(5);
    expect((await get(people.member, cop.id, id, { range: `bytes=${body.length}-` })).status).toBe(416);
  });
});

describe('refusals', () => {
  it('tells signed-in people the configured size limit (GET /api/limits), and nobody else', async () => {
    const res = await fetch(`${server.url}/api/limits`, { headers: { cookie: people.member!.cookie } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ maxUploadBytes: 4 * 1024 * 1024 });
    expect((await fetch(`${server.url}/api/limits`)).status).toBe(401);
  });

  it('refuses files over the size limit with 413, declared or streamed', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4 * 1024 * 1024 + 1)]);
    const res = await put(people.member, cop.id, newId(), big, 'huge.pdf');
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('too_large');
    // Chunked, no Content-Length: the stream itself is cut off at the limit.
    const chunked = await fetch(`${server.url}/api/cops/${cop.id}/files/${newId()}`, {
      method: 'PUT',
      headers: { cookie: people.member.cookie, 'x-file-name': 'huge.pdf' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(Buffer.from('%PDF-1.4\n')));
          for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(1024 * 1024));
          controller.close();
        }
      }),
      duplex: 'half'
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(readdirSync(join(server.dataDir, 'blobs', 'incoming'))).toEqual([]);
  });

  it.each([
    ['page.html', '<!doctype html><script>alert(1)</script>'],
    ['notes.txt', '<html><body onload=alert(1)>'],
    ['image.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['tool.exe', 'MZ\x90\x00binary'],
    ['archive.docx', 'PK\x03\x04just a zip with a misleading name'],
    ['empty.pdf', '']
  ])('refuses %s by its content with 415', async (name, content) => {
    const res = await put(people.member, cop.id, newId(), Buffer.from(content, 'latin1'), name);
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe('unsupported_type');
  });

  it.each([
    ['an Excel workbook renamed .docx', 'budget.docx', excelWorkbook],
    ['a PowerPoint deck renamed .xlsx', 'deck.xlsx', powerPointDeck],
    ['a Word document renamed .pptx', 'minutes.pptx', () => wordDocument()],
    ['a Word document renamed .odt', 'minutes.odt', () => wordDocument()],
    ['an OpenDocument text renamed .docx', 'protocole.docx', () => openDocumentText()]
  ])('refuses %s with 415: the zip’s entries, not its first bytes, say what it is', async (_what, name, make) => {
    const res = await put(people.member, cop.id, newId(), make(), name);
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe('unsupported_type');
    expect(readdirSync(join(server.dataDir, 'blobs', 'incoming'))).toEqual([]);
  });

  it('leaves no partial file when an upload is interrupted half-way', async () => {
    const id = newId();
    const before = storedBlobs().length;
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${server.url}/api/cops/${cop.id}/files/${id}`, {
        method: 'PUT',
        headers: { cookie: people.member.cookie, 'x-file-name': 'cut.pdf', 'content-length': String(2 * 1024 * 1024) }
      });
      req.on('error', () => resolve());
      req.write(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(700 * 1024)]));
      setTimeout(() => {
        req.destroy();
        setTimeout(resolve, 300);
      }, 200);
    });
    expect((await get(people.member, cop.id, id)).status).toBe(404);
    expect(storedBlobs().length).toBe(before);
    // The server notices the abort asynchronously: give it a moment to clean up.
    for (let i = 0; i < 50 && readdirSync(join(server.dataDir, 'blobs', 'incoming')).length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(join(server.dataDir, 'blobs', 'incoming'))).toEqual([]);
  });
});

describe('access', () => {
  let fileId: string;
  beforeAll(async () => {
    fileId = newId();
    expect((await put(people.facilitator, cop.id, fileId, pdf('access'))).status).toBe(201);
  });

  const table: [keyof typeof people | 'anonymous', number, number][] = [
    // who, GET status, PUT status
    ['anonymous', 401, 401],
    ['outsider', 403, 403],
    ['otherMember', 403, 403],
    ['observer', 200, 403],
    ['member', 200, 201],
    ['facilitator', 200, 201],
    ['manager', 200, 201]
  ];
  it.each(table)('%s: download %i, upload %i', async (who, getStatus, putStatus) => {
    const person = who === 'anonymous' ? undefined : people[who];
    expect((await get(person, cop.id, fileId)).status).toBe(getStatus);
    expect((await put(person, cop.id, newId(), pdf(`by ${who}`))).status).toBe(putStatus);
  });

  it('does not serve a file through another COP, even to that COP’s members who have the link', async () => {
    expect((await get(people.otherMember, otherCop.id, fileId)).status).toBe(404);
  });

  it('lets the uploader or a facilitator delete a file, not another member; the blob goes when unused', async () => {
    const id = newId();
    const body = pdf('to delete ' + Date.now());
    expect((await put(people.member, cop.id, id, body)).status).toBe(201);
    const blobsBefore = storedBlobs().length;
    const asObserver = await fetch(`${server.url}/api/cops/${cop.id}/files/${id}`, { method: 'DELETE', headers: { cookie: people.observer.cookie } });
    expect(asObserver.status).toBe(403);
    const asFacilitator = await fetch(`${server.url}/api/cops/${cop.id}/files/${id}`, { method: 'DELETE', headers: { cookie: people.facilitator.cookie } });
    expect(asFacilitator.status).toBe(204);
    expect((await get(people.member, cop.id, id)).status).toBe(404);
    expect(storedBlobs().length).toBe(blobsBefore - 1);
    expect(storedBlobs().every((p) => statSync(p).size > 0)).toBe(true);
  });
});

describe('deleting while the same bytes are uploaded', () => {
  const remove = (id: string) =>
    fetch(`${server.url}/api/cops/${cop.id}/files/${id}`, { method: 'DELETE', headers: { cookie: people.member.cookie } }).then((r) => r.status);

  /**
   * Uploads `body` but holds back its last byte until `release` is called, so a test can start
   * another request at the moment the server finishes the upload (its most racy part).
   */
  function heldUpload(id: string, body: Buffer) {
    let release!: () => void;
    const status = new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.url}/api/cops/${cop.id}/files/${id}`, {
        method: 'PUT',
        headers: { cookie: people.member.cookie, 'x-file-name': 'race.pdf', 'content-length': String(body.length) }
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write(body.subarray(0, body.length - 1));
      release = () => req.end(body.subarray(body.length - 1));
    });
    return { status, release };
  }

  /** The whole body of a file, or undefined when the server cannot give it (its blob is gone). */
  async function readBack(id: string): Promise<Buffer | undefined> {
    try {
      const res = await get(people.member, cop.id, id);
      return res.status === 200 ? res.body : undefined;
    } catch {
      return undefined; // the stream broke after the headers: the blob vanished under the record
    }
  }

  it('a delete racing an upload of the same bytes never leaves a surviving file without its blob', async () => {
    const lanes = 4;
    const rounds = 25;
    const lost: string[] = [];
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        for (let round = 0; round < rounds; round++) {
          const body = pdf(`race ${lane}-${round}-${Date.now()} ${'y'.repeat(round * 211)}`);
          const first = newId();
          expect((await put(people.member, cop.id, first, body)).status).toBe(201);
          const second = newId();
          const upload = heldUpload(second, body);
          await new Promise((r) => setTimeout(r, 20)); // the server has read all but the last byte
          // The delete starts a little before, with or a little after the upload completes.
          const deleting = new Promise<number>((resolve) => setTimeout(() => resolve(remove(first)), round % 4));
          upload.release();
          const [deleted, uploaded] = await Promise.all([deleting, upload.status]);
          expect(deleted).toBe(204);
          expect(uploaded).toBe(201);
          const back = await readBack(second);
          if (!back?.equals(body)) lost.push(second);
        }
      })
    );
    expect(lost).toEqual([]);
    expect(storedBlobs().every((p) => statSync(p).size > 0)).toBe(true);
  });
});
