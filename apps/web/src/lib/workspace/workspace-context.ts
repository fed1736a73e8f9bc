/** Hands the open workspace session from the workspace layout to its pages. */
import { getContext, setContext } from 'svelte';
import type { WorkspaceSession } from './workspace-session.svelte';

const KEY = Symbol('atelier.workspace');

export function provideWorkspace(get: () => WorkspaceSession) {
  setContext(KEY, get);
}

/** The session of the COP the page belongs to; call it where the value is read, to stay current. */
export function useWorkspace(): () => WorkspaceSession {
  const get = getContext<(() => WorkspaceSession) | undefined>(KEY);
  if (!get) throw new Error('useWorkspace() outside a workspace page');
  return get;
}
