import { describe, expect, it } from 'vitest';
import {
  INITIAL_SAVE_STATE,
  autosaveReducer,
  clockTime,
  saveStatusText,
  type SaveState,
} from './autosave.js';

const at = '2026-11-27T14:05:00.000Z';

describe('autosaveReducer', () => {
  it('goes dirty, saving, saved', () => {
    let state = autosaveReducer(INITIAL_SAVE_STATE, { type: 'changed' });
    expect(state.status).toBe('dirty');
    state = autosaveReducer(state, { type: 'started' });
    expect(state.status).toBe('saving');
    state = autosaveReducer(state, { type: 'succeeded', at, changedSince: false });
    expect(state).toEqual({ status: 'saved', savedAt: at, error: null });
  });

  it('stays saving when typing continues during a save, and is dirty after it', () => {
    const saving: SaveState = { status: 'saving', savedAt: null, error: null };
    expect(autosaveReducer(saving, { type: 'changed' })).toBe(saving);
    expect(autosaveReducer(saving, { type: 'succeeded', at, changedSince: true }).status).toBe('dirty');
  });

  it('keeps the last save time through a failure and clears the error on success', () => {
    const saved: SaveState = { status: 'saved', savedAt: at, error: null };
    const failed = autosaveReducer(saved, { type: 'failed', error: new Error('offline') });
    expect(failed.status).toBe('failed');
    expect(failed.savedAt).toBe(at);
    const retried = autosaveReducer(autosaveReducer(failed, { type: 'started' }), {
      type: 'succeeded',
      at,
      changedSince: false,
    });
    expect(retried.error).toBeNull();
  });
});

describe('saveStatusText', () => {
  it('says nothing before any typing', () => {
    expect(saveStatusText(INITIAL_SAVE_STATE)).toBe('');
  });

  it('names the clock time of the last save', () => {
    expect(saveStatusText({ status: 'saved', savedAt: at, error: null }, 'America/New_York')).toBe(
      'Saved at 09:05',
    );
    expect(saveStatusText({ status: 'dirty', savedAt: at, error: null }, 'UTC')).toBe(
      'Saved at 14:05; newer changes not saved yet',
    );
  });

  it('reassures that text is kept after a failure', () => {
    expect(saveStatusText({ status: 'failed', savedAt: null, error: null })).toMatch(/text is kept/);
    expect(saveStatusText({ status: 'saving', savedAt: null, error: null })).toBe('Saving…');
  });

  it('formats 24-hour clock times', () => {
    expect(clockTime('2026-11-27T23:59:00Z', 'UTC')).toBe('23:59');
  });
});
