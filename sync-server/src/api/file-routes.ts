/**
 * COP library files: upload (PUT with a client-chosen id, streamed to disk), download with range
 * requests, and delete. The same access rules as the COP's documents: members write, observers
 * and members read, nobody outside the COP reads, even with the link.
 */
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import { canManageMembers, canReadCop, canWriteCop } from '../accounts/roles';
import type { ServerContext } from '../context';
import { findFile, type FileRecord } from '../files/file-records';
import { FILE_ID, storeUpload } from '../files/file-upload';
import { ApiError } from '../http/api-error';
import { fieldMessages } from '../messages/field-messages';
import { apiMessages } from '../messages/api-messages';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { requireCopStanding } from './cop-permissions';

type Env = ApiEnv;

function describe(record: FileRecord) {
  const { blobHash: _hash, ...rest } = record;
  return { ...rest, sha256: record.blobHash };
}

function requestBody(c: Context<Env>): Readable {
  // Straight from the socket when served by Node: the file never sits whole in memory.
  if (c.env?.incoming) return c.env.incoming;
  if (!c.req.raw.body) return Readable.from([]);
  return Readable.fromWeb(c.req.raw.body as import('node:stream/web').ReadableStream);
}

/** `attachment` unless the type is safe to show in the app; names survive any language. */
function contentDisposition(record: FileRecord): string {
  const ascii = record.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${record.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(record.fileName)}`;
}

function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2])); // suffix: the last N bytes
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'invalid' : { start, end };
}

export function fileRoutes(ctx: ServerContext) {
  const app = new Hono<Env>();

  app.put('/:copId/files/:fileId', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canWriteCop, 'add files to this COP');
    if (cop.status === 'archived') throw new ApiError(409, 'conflict', apiMessages.copArchived());
    const fileId = c.req.param('fileId');
    if (!FILE_ID.test(fileId)) throw new ApiError(400, 'invalid_input', 'fileId: must be 8 to 64 lower-case letters and digits');
    let fileName: string;
    try {
      fileName = decodeURIComponent(c.req.header('x-file-name') ?? '').trim();
    } catch {
      throw new ApiError(400, 'invalid_input', apiMessages.fieldProblem({ field: 'X-File-Name', problem: fieldMessages.percentEncodedFileName() }));
    }
    if (!fileName || fileName.length > 255 || /[/\\\x00-\x1f]/.test(fileName)) {
      throw new ApiError(400, 'invalid_input', apiMessages.fieldProblem({ field: 'X-File-Name', problem: fieldMessages.fileNameLength() }));
    }
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > ctx.config.maxUploadBytes) {
      throw new ApiError(413, 'too_large', apiMessages.fileTooLarge({ max: ctx.config.maxUploadBytes }), { Connection: 'close' });
    }
    const { record, created } = await storeUpload(ctx, {
      fileId,
      copId: cop.id,
      fileName,
      uploadedBy: user.id,
      body: requestBody(c),
      declaredBytes: Number.isFinite(declared) ? declared : undefined
    });
    return c.json(describe(record), created ? 201 : 200);
  });

  const download = (c: Context<Env>, record: FileRecord) => {
    const range = parseRange(c.req.header('range'), record.size);
    const headers: Record<string, string> = {
      'Content-Type': record.contentType,
      'Content-Disposition': contentDisposition(record),
      'X-Content-Type-Options': 'nosniff',
      'Accept-Ranges': 'bytes',
      ETag: `"${record.blobHash}"`,
      'Cache-Control': 'private, max-age=31536000, immutable',
      // Even a PDF or image opened directly can run nothing and load nothing else. Only the app
      // itself may frame it (the library's PDF preview); `frame-ancestors` supersedes the
      // X-Frame-Options: DENY every response carries.
      'Content-Security-Policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'; sandbox allow-downloads"
    };
    if (range === 'invalid') {
      return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${record.size}` });
    }
    if (c.req.header('if-none-match') === headers.ETag) return c.body(null, 304, headers);
    const status = range ? 206 : 200;
    if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${record.size}`;
    headers['Content-Length'] = String(range ? range.end - range.start + 1 : record.size);
    if (c.req.method === 'HEAD') return c.body(null, status, headers);
    const stream = ctx.blobs.read(record.blobHash, range);
    return c.body(Readable.toWeb(stream) as ReadableStream, status, headers);
  };

  const readable = (c: Context<Env>) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId')!, canReadCop, "read this COP's files");
    const record = findFile(ctx.db, c.req.param('fileId')!);
    // A file of another COP is "not found" here, even to someone who has its id.
    if (!record || record.copId !== cop.id) throw new ApiError(404, 'not_found', apiMessages.noSuchFile());
    return record;
  };

  app.get('/:copId/files/:fileId', (c) => download(c, readable(c)));
  app.on('HEAD', '/:copId/files/:fileId', (c) => download(c, readable(c)));

  app.delete('/:copId/files/:fileId', async (c) => {
    const { user } = requireUser(c);
    const { standing } = requireCopStanding(ctx.db, user, c.req.param('copId'), canWriteCop, "delete this COP's files");
    const record = readable(c);
    if (record.uploadedBy !== user.id && !canManageMembers(standing)) {
      throw new ApiError(403, 'forbidden', apiMessages.onlyAdderOrFacilitatorDeletes());
    }
    await ctx.blobRefs.release(record.id, record.blobHash);
    return c.body(null, 204);
  });

  return app;
}
