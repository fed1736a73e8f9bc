import { describe, expect, it } from 'vitest';
import { connectionState } from './connection-state';

describe('connectionState', () => {
  it('never says online while every open document is disconnected (the header said "En ligne" while the workspace said "Hors ligne")', () => {
    expect(connectionState({ systemOnline: true, probe: 'online', openDocuments: 2, connectedDocuments: 0 })).not.toBe('online');
    expect(connectionState({ systemOnline: true, probe: 'unreachable', openDocuments: 1, connectedDocuments: 0 })).toBe('unreachable');
  });

  it('says online as soon as a document socket is open, even before the next probe', () => {
    expect(connectionState({ systemOnline: true, probe: 'unreachable', openDocuments: 2, connectedDocuments: 1 })).toBe('online');
  });

  it('follows the probe when no document is open', () => {
    expect(connectionState({ systemOnline: true, probe: 'online', openDocuments: 0, connectedDocuments: 0 })).toBe('online');
    expect(connectionState({ systemOnline: true, probe: 'checking', openDocuments: 0, connectedDocuments: 0 })).toBe('checking');
  });

  it('says offline whenever the system has no network', () => {
    expect(connectionState({ systemOnline: false, probe: 'online', openDocuments: 1, connectedDocuments: 1 })).toBe('offline');
  });
});
