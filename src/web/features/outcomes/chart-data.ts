import type { OutcomeFlagsDto, TrajectoryDto } from '../../../contracts/outcomes.js';
import { severityLabel } from '../assessments/labels.js';
import { formatDate } from '../patients/format.js';

/**
 * Light fills for severity bands, lightest for the least severe (ColorBrewer "Oranges", a
 * single-hue scale that keeps its order in greyscale and for colour-blind readers). They sit
 * behind a near-black line and dots, which stay above 3:1 against every fill; the legend and the
 * table name each band in words, so colour is never the only cue.
 */
export const BAND_FILLS = ['#fff5eb', '#fee6ce', '#fdd0a2', '#fdae6b', '#fd8d3c', '#e6550d'] as const;
export const LINE_COLOR = '#1a1b1e';

export interface ChartPoint {
  /** Position on the x axis; unique even when two scores share a date. */
  key: string;
  /** The clinic-local date as people read it: "Apr 3, 2026". */
  label: string;
  date: string;
  total: number;
  severity: string;
  /** How it was given, in words. */
  method: string;
}

export interface ChartBand {
  severity: string;
  label: string;
  /** "0–4" */
  range: string;
  /** The shaded area: from this band's lowest total up to the next band's (contiguous, no gaps). */
  y1: number;
  y2: number;
  fill: string;
}

export interface ChartModel {
  points: ChartPoint[];
  bands: ChartBand[];
  /** The y axis runs 0..yMax: the instrument's highest total, or the highest score seen. */
  yMax: number;
}

/** A trajectory as the chart draws it: points in date order, shaded bands and the y range. */
export function toChartModel(trajectory: TrajectoryDto): ChartModel {
  const sorted = [...trajectory.points].sort((a, b) =>
    a.administeredAt < b.administeredAt ? -1 : a.administeredAt > b.administeredAt ? 1 : 0,
  );
  const points = sorted.map((p, i) => ({
    key: `${i}`,
    label: formatDate(p.date),
    date: p.date,
    total: p.total,
    severity: p.severity ? bandLabel(trajectory, p.severity) : '—',
    method: methodLabel(p.method),
  }));
  const highest = Math.max(0, ...sorted.map((p) => p.total));
  const yMax = trajectory.maxTotal ?? Math.max(highest, ...trajectory.bands.map((b) => b.max));
  const bands = trajectory.bands.map((band, i, all) => ({
    severity: band.severity,
    label: band.label,
    range: band.min === band.max ? `${band.min}` : `${band.min}–${band.max}`,
    y1: band.min,
    y2: Math.min(yMax, all[i + 1]?.min ?? yMax),
    fill: BAND_FILLS[Math.min(i, BAND_FILLS.length - 1)]!,
  }));
  return { points, bands, yMax };
}

/** A severity code as the instrument's band names it ("Moderately severe"). */
export function bandLabel(trajectory: Pick<TrajectoryDto, 'bands'>, severity: string): string {
  return trajectory.bands.find((b) => b.severity === severity)?.label ?? severityLabel(severity);
}

export type FlagTone = 'better' | 'worse' | 'attention';
export interface FlagBadge {
  label: string;
  tone: FlagTone;
}

/** The outcome flags that are set, as badge labels, in a fixed order. */
export function flagBadges(flags: OutcomeFlagsDto): FlagBadge[] {
  const badges: [boolean, FlagBadge][] = [
    [flags.response, { label: 'Response', tone: 'better' }],
    [flags.remission, { label: 'Remission', tone: 'better' }],
    [flags.reliableImprovement, { label: 'Reliable improvement', tone: 'better' }],
    [flags.reliableWorsening, { label: 'Reliable worsening', tone: 'worse' }],
    [flags.notOnTrack, { label: 'Not on track', tone: 'attention' }],
  ];
  return badges.filter(([on]) => on).map(([, badge]) => badge);
}

/** "Baseline 20, latest 14: down 6 (30%)"; null before the first score. */
export function describeChange(flags: OutcomeFlagsDto): string | null {
  if (flags.baseline === null || flags.latest === null) return null;
  const parts = [`Baseline ${flags.baseline}, latest ${flags.latest}`];
  if (flags.change !== null && flags.change !== 0) {
    const percent = flags.percentChange === null ? '' : ` (${Math.abs(Math.round(flags.percentChange))}%)`;
    parts.push(`${flags.change < 0 ? 'down' : 'up'} ${Math.abs(flags.change)}${percent}`);
  } else if (flags.change === 0) {
    parts.push('no change');
  }
  return parts.join(': ');
}

const METHOD_SHORT: Record<string, string> = {
  staff_entered: 'Staff entered',
  self_report: 'Self-report',
  kiosk: 'Tablet (kiosk)',
};

export function methodLabel(method: string): string {
  return METHOD_SHORT[method] ?? severityLabel(method);
}
