// The export pool against real worker threads: jobs come back as the bytes they would be on the
// main thread, a job that fails in its worker fails alone, and a full queue refuses at once.
import { afterEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { ExportFailedError, ExportPool, ExportsBusyError } from './export-pool';

const docx = (title: string) => ({ kind: 'docx' as const, title, sections: [{ body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: title }] }] } }] });

let pool: ExportPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('export pool', () => {
  it('builds a DOCX on a worker thread that opens with its text', async () => {
    pool = new ExportPool(1, 4);
    const bytes = await pool.run(docx('Bonjour de l’atelier'));
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Bonjour de l’atelier');
  }, 30_000);

  it('a job that throws in its worker fails alone, and the next job on that worker succeeds', async () => {
    pool = new ExportPool(1, 4);
    const bad = pool.run({ kind: 'document-docx', title: 'Broken', parts: [new Uint8Array([255, 255, 255, 255])] });
    const good = pool.run(docx('After the broken one'));
    await expect(bad).rejects.toBeInstanceOf(ExportFailedError);
    expect((await good).byteLength).toBeGreaterThan(1000);
  }, 30_000);

  it('refuses at once with ExportsBusyError when every worker is busy and the queue is full', async () => {
    pool = new ExportPool(1, 1);
    const running = pool.run(docx('one'));
    const waiting = pool.run(docx('two'));
    await expect(pool.run(docx('three'))).rejects.toBeInstanceOf(ExportsBusyError);
    expect(pool.load).toEqual({ building: 1, waiting: 1 });
    await Promise.all([running, waiting]);
    expect(pool.load).toEqual({ building: 0, waiting: 0 });
  }, 30_000);
});
