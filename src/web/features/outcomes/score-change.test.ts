import { describe, expect, it } from 'vitest';
import { describeScore } from './score-change.js';

describe('describeScore', () => {
  it('says a drop is "down", with an arrow for the eye', () => {
    expect(describeScore({ shortName: 'PHQ-9', total: 14, change: -3 })).toEqual({
      text: 'PHQ-9 14 ↓3',
      label: 'PHQ-9 14, down 3 since last time',
    });
  });
  it('says a rise is "up"', () => {
    expect(describeScore({ shortName: 'GAD-7', total: 12, change: 4 })).toEqual({
      text: 'GAD-7 12 ↑4',
      label: 'GAD-7 12, up 4 since last time',
    });
  });
  it('says when nothing changed', () => {
    expect(describeScore({ shortName: 'PHQ-9', total: 8, change: 0 }).label).toBe(
      'PHQ-9 8, same as last time',
    );
  });
  it('marks a first score', () => {
    expect(describeScore({ shortName: 'PHQ-9', total: 8, change: null })).toEqual({
      text: 'PHQ-9 8',
      label: 'PHQ-9 8, first score',
    });
  });
});
