import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('where sign-in leads', () => {
  it('follows a path of this app', () => {
    expect(safeNext('/cops/abc?tab=members')).toBe('/cops/abc?tab=members');
  });

  it('refuses other sites, protocol-relative and backslash tricks', () => {
    expect(safeNext('https://evil.example/')).toBe('/cops');
    expect(safeNext('//evil.example/')).toBe('/cops');
    expect(safeNext('/\\evil.example')).toBe('/cops');
  });

  it('falls back when there is nowhere to go or it would loop', () => {
    expect(safeNext(null)).toBe('/cops');
    expect(safeNext('/sign-in?next=/x')).toBe('/cops');
  });
});
