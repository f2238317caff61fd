import { describe, expect, it } from 'vitest';
import { DEFAULT_RELIABLE_CHANGE, reliableWorsening } from './change.js';

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 15));

describe('reliableWorsening', () => {
  it('flags a PHQ-9 rise of 6 points and not one of 5', () => {
    expect(
      reliableWorsening([
        { instrumentId: 'phq-9', total: 8, administeredAt: at(1) },
        { instrumentId: 'phq-9', total: 14, administeredAt: at(8) },
      ]),
    ).toEqual([{ instrumentId: 'phq-9', rise: 6 }]);
    expect(
      reliableWorsening([
        { instrumentId: 'phq-9', total: 8, administeredAt: at(1) },
        { instrumentId: 'phq-9', total: 13, administeredAt: at(8) },
      ]),
    ).toEqual([]);
  });

  it('uses the GAD-7 threshold of 4', () => {
    expect(DEFAULT_RELIABLE_CHANGE['gad-7']).toBe(4);
    expect(
      reliableWorsening([
        { instrumentId: 'gad-7', total: 5, administeredAt: at(1) },
        { instrumentId: 'gad-7', total: 9, administeredAt: at(2) },
      ]),
    ).toEqual([{ instrumentId: 'gad-7', rise: 4 }]);
  });

  it('compares the latest two by date whatever the input order', () => {
    expect(
      reliableWorsening([
        { instrumentId: 'phq-9', total: 20, administeredAt: at(9) },
        { instrumentId: 'phq-9', total: 2, administeredAt: at(1) },
        { instrumentId: 'phq-9', total: 18, administeredAt: at(5) },
      ]),
    ).toEqual([]);
  });

  it('ignores improvement, single administrations and instruments without a threshold', () => {
    expect(
      reliableWorsening([
        { instrumentId: 'phq-9', total: 20, administeredAt: at(1) },
        { instrumentId: 'phq-9', total: 4, administeredAt: at(8) },
        { instrumentId: 'gad-7', total: 15, administeredAt: at(8) },
        { instrumentId: 'pcl-5', total: 10, administeredAt: at(1) },
        { instrumentId: 'pcl-5', total: 60, administeredAt: at(8) },
      ]),
    ).toEqual([]);
  });

  it('takes thresholds as configuration', () => {
    const list = [
      { instrumentId: 'pcl-5', total: 30, administeredAt: at(1) },
      { instrumentId: 'pcl-5', total: 40, administeredAt: at(8) },
    ];
    expect(reliableWorsening(list, { 'pcl-5': 10 })).toEqual([{ instrumentId: 'pcl-5', rise: 10 }]);
  });

  it('refuses a total that is not a number', () => {
    expect(() =>
      reliableWorsening([{ instrumentId: 'phq-9', total: Number.NaN, administeredAt: at(1) }]),
    ).toThrow(/Invalid total/);
  });
});
