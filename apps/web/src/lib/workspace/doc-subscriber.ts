/**
 * The one place components' reads of the workspace document are tied to Svelte: a subscriber
 * that observes (deeply) the root maps a view reads, so a `*.svelte.ts` view re-reads only when
 * one of them changes. Views call `subscribe()` inside their getters; Svelte starts observing
 * while something renders them and stops when nothing does.
 */
import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';

/** An accessor of the model, e.g. `meetingsMap` from @atelier/workspace (never a literal key). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Y type: maps of maps, maps of strings…
export type RootAccessor = (doc: Y.Doc) => Y.AbstractType<any>;

export function docSubscriber(doc: Y.Doc, roots: readonly RootAccessor[]): () => void {
  return createSubscriber((update) => {
    const types = roots.map((root) => root(doc));
    const onChange = () => update();
    for (const type of types) type.observeDeep(onChange);
    return () => {
      for (const type of types) type.unobserveDeep(onChange);
    };
  });
}
