import { describe, expect, it } from 'vitest';
import { allowedActions } from './lifecycle-rules';

describe('allowedActions', () => {
  it('lets members propose review, withdraw and start a revision, and nothing else', () => {
    expect(allowedActions('draft', 'member')).toEqual(['propose_review']);
    expect(allowedActions('in_review', 'member')).toEqual(['withdraw']);
    expect(allowedActions('approved', 'member')).toEqual([]);
    expect(allowedActions('published', 'member')).toEqual(['start_revision']);
  });
  it('lets facilitators approve, send back and publish', () => {
    expect(allowedActions('in_review', 'facilitator')).toEqual(['approve', 'request_changes', 'withdraw']);
    expect(allowedActions('approved', 'facilitator')).toEqual(['publish', 'request_changes']);
    expect(allowedActions('published', 'facilitator')).toEqual(['start_revision']);
  });
  it('lets only the programme manager unpublish', () => {
    expect(allowedActions('published', 'manager')).toEqual(['start_revision', 'unpublish']);
  });
  it('gives observers and outsiders no step at all', () => {
    expect(allowedActions('draft', 'observer')).toEqual([]);
    expect(allowedActions('in_review', null)).toEqual([]);
  });
});
