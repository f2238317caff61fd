import { useCallback, useEffect, useReducer, useRef } from 'react';
import { INITIAL_SAVE_STATE, autosaveReducer, type SaveState } from './autosave.js';

export const AUTOSAVE_DELAY_MS = 1000;

export interface Autosave<T> {
  state: SaveState;
  /** The draft changed: save it after a pause in typing. */
  change: (draft: T) => void;
  /** Save now (on blur, before signing); true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
}

/**
 * Saves the whole draft ~1 s after the last change and on flush, one request at a time. A failed
 * save keeps the draft as unsaved, so the next change or flush sends it again.
 */
export function useAutosave<T>(save: (draft: T) => Promise<unknown>, delay = AUTOSAVE_DELAY_MS): Autosave<T> {
  const [state, dispatch] = useReducer(autosaveReducer, INITIAL_SAVE_STATE);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  const pending = useRef<{ draft: T } | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    for (;;) {
      while (inFlight.current) await inFlight.current;
      const next = pending.current;
      if (!next) return true;
      pending.current = null;
      dispatch({ type: 'started' });
      const run = saveRef.current(next.draft).then(
        () => {
          const changedSince = pending.current !== null;
          dispatch({ type: 'succeeded', at: new Date().toISOString(), changedSince });
          return true;
        },
        (error: unknown) => {
          pending.current ??= next;
          dispatch({ type: 'failed', error });
          return false;
        },
      );
      inFlight.current = run;
      const ok = await run;
      inFlight.current = null;
      if (!ok) return false;
    }
  }, []);

  const change = useCallback(
    (draft: T) => {
      pending.current = { draft };
      dispatch({ type: 'changed' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [delay, flush],
  );

  // Leaving the page sends what is still unsaved.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      const last = pending.current;
      if (last) void saveRef.current(last.draft).catch(() => undefined);
    },
    [],
  );

  return { state, change, flush };
}
