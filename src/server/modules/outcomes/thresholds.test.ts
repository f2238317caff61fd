import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTCOME_THRESHOLDS } from '../../../domain/outcomes/index.js';
import { settingsOf } from '../organizations/index.js';
import { thresholdsOf } from './outcomes.service.js';

describe('thresholdsOf', () => {
  it('gives the default thresholds, with their version, to an organization that changed nothing', () => {
    expect(thresholdsOf(settingsOf({}))).toEqual(DEFAULT_OUTCOME_THRESHOLDS);
  });

  it('maps changed settings onto the rules and versions them by their content', () => {
    const defaults = settingsOf({}).outcomeThresholds;
    const changed = thresholdsOf(
      settingsOf({ outcomeThresholds: { ...defaults, responseDropPercent: 40, notOnTrackAfterWeeks: 6 } }),
    );
    expect(changed).toMatchObject({ responseDrop: 0.4, notOnTrackAfterWeeks: 6 });
    expect(changed.remissionBelow).toEqual(DEFAULT_OUTCOME_THRESHOLDS.remissionBelow);
    expect(changed.version).toMatch(/^mbc-2026\.1\+[0-9a-f]{8}$/);
    const again = thresholdsOf(
      settingsOf({ outcomeThresholds: { ...defaults, responseDropPercent: 40, notOnTrackAfterWeeks: 6 } }),
    );
    expect(again.version).toBe(changed.version);
    const other = thresholdsOf(settingsOf({ outcomeThresholds: { ...defaults, phq9ReliableChange: 5 } }));
    expect(other.version).not.toBe(changed.version);
    expect(other.reliableChange['phq-9']).toBe(5);
  });
});
