import { describe, expect, it } from 'vitest';
import { copDocName, DocNameError, parseDocName, workspaceDocName } from './doc-name';

describe('parseDocName', () => {
  it('reads the workspace document of a COP', () => {
    expect(parseDocName('cop/Ab3_x-9')).toEqual({ name: 'cop/Ab3_x-9', copId: 'Ab3_x-9', path: [], isWorkspace: true });
  });

  it('reads nested documents of a COP', () => {
    const parsed = parseDocName('cop/c1/notes/n-2');
    expect(parsed.copId).toBe('c1');
    expect(parsed.path).toEqual(['notes', 'n-2']);
    expect(parsed.isWorkspace).toBe(false);
  });

  it.each([
    '',
    'cop',
    'cop/',
    'cop//x',
    'cop/c1/',
    'cop/c1//n',
    'cop/./n',
    'cop/c1/..',
    'cop/c1/%2e%2e',
    'cop/c 1',
    'cop/c1/é',
    'other/c1',
    '/cop/c1',
    'cop/c1/a.b'
  ])('refuses %j', (name) => {
    expect(() => parseDocName(name)).toThrow(DocNameError);
  });

  it('refuses names over 256 bytes and accepts exactly 256', () => {
    const base = 'cop/c1/';
    expect(parseDocName(base + 'a'.repeat(256 - base.length)).name).toHaveLength(256);
    expect(() => parseDocName(base + 'a'.repeat(257 - base.length))).toThrow(/256 bytes/);
  });

  it('builds names that it accepts', () => {
    expect(workspaceDocName('c1')).toBe('cop/c1');
    expect(copDocName('c1', 'protocols', 'p1')).toBe('cop/c1/protocols/p1');
    expect(() => copDocName('c1', '../x')).toThrow(DocNameError);
  });
});
