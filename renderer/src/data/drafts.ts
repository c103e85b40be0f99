/**
 * An unfinished form kept on the host as the user's draft (drafts.save). It
 * is saved on every change, debounced, and what is still waiting is sent at
 * once when the user leaves: on a route change (before the next screen reads
 * anything), when the form goes away, and as the page is reloaded or closed
 * (`pagehide`, `beforeunload`) — then as a request the browser completes
 * after the page has gone (api.ts, callKeepalive). Nothing typed is lost to
 * the debounce.
 */
import { useRouter } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { In } from '../../../core/api/contract';
import { callKeepalive } from '../api';
import { hostNow } from '../clock';

export type DraftKind = In<'drafts.save'>['kind'];

/** The last save: when it landed, or that it failed (the form then keeps the data and says so). */
export type DraftState = { at: Date } | { error: true } | null;

export interface DraftAutosave<V> {
  /** Saves `values` after `delay` ms without another change. */
  save(values: V): void;
  /** Sends what is waiting now. */
  flush(): void;
  /** Drops what is waiting (the form was registered or cleared). */
  cancel(): void;
  /** The save under way, if any (settles either way). */
  settled(): Promise<void>;
  state: DraftState;
  setState(s: DraftState): void;
}

export function useDraftAutosave<V>(kind: DraftKind, toData: (values: V) => Record<string, unknown>, delay = 1000): DraftAutosave<V> {
  const router = useRouter();
  const [state, setState] = useState<DraftState>(null);
  const waiting = useRef<{ values: V } | null>(null);
  const timer = useRef(0);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const toDataRef = useRef(toData);
  useEffect(() => {
    toDataRef.current = toData;
  });

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const w = waiting.current;
    if (!w) return;
    waiting.current = null;
    inFlight.current = callKeepalive('drafts.save', { kind, data: toDataRef.current(w.values) }).then(
      () => setState({ at: hostNow() }),
      () => setState({ error: true }),
    );
  }, [kind]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    const stop = router.subscribe('onBeforeNavigate', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      stop();
      flush();
    };
  }, [flush, router]);

  return useMemo(
    () => ({
      save: (values: V) => {
        waiting.current = { values };
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(flush, delay);
      },
      flush,
      cancel: () => {
        window.clearTimeout(timer.current);
        waiting.current = null;
      },
      settled: () => inFlight.current,
      state,
      setState,
    }),
    [flush, delay, state],
  );
}
