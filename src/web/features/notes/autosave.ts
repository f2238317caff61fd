/**
 * Autosave's state as the person sees it: typing makes the draft dirty, a pause or leaving the
 * field saves it, and a failed save keeps the text on screen until the next change saves it again.
 */
export interface SaveState {
  status: 'idle' | 'dirty' | 'saving' | 'saved' | 'failed';
  /** ISO time of the last successful save, kept through later edits. */
  savedAt: string | null;
  error: unknown;
}

export type SaveEvent =
  | { type: 'changed' }
  | { type: 'started' }
  | { type: 'succeeded'; at: string; changedSince: boolean }
  | { type: 'failed'; error: unknown };

export const INITIAL_SAVE_STATE: SaveState = { status: 'idle', savedAt: null, error: null };

export function autosaveReducer(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case 'changed':
      // A save in flight stays "Saving…"; the change is sent right after it.
      return state.status === 'saving' ? state : { ...state, status: 'dirty' };
    case 'started':
      return { ...state, status: 'saving' };
    case 'succeeded':
      return { status: event.changedSince ? 'dirty' : 'saved', savedAt: event.at, error: null };
    case 'failed':
      return { ...state, status: 'failed', error: event.error };
  }
}

/** "09:05" in the given zone (the browser's by default), 24-hour. */
export function clockTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** The words of the save indicator; '' before anything was typed. */
export function saveStatusText(state: SaveState, timeZone?: string): string {
  const saved = state.savedAt ? `Saved at ${clockTime(state.savedAt, timeZone)}` : null;
  switch (state.status) {
    case 'idle':
      return saved ?? '';
    case 'dirty':
      return saved ? `${saved}; newer changes not saved yet` : 'Not saved yet';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return saved ?? 'Saved';
    case 'failed':
      return 'Not saved. Your text is kept here and saves again when you next type.';
  }
}
