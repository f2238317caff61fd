import type { LocationDto, RoomDto } from '../../../contracts/organizations.js';
import type { OrganizationDto, OrganizationSettings } from '../../../contracts/identity.js';
import { DEFAULT_LATE_ENTRY_HOURS } from '../../../domain/notes/signing.js';
import { DEFAULT_OUTCOME_THRESHOLDS } from '../../../domain/outcomes/index.js';
import type { LocationRow, OrganizationRow, RoomRow } from './organizations.repo.js';

/** Stored settings with defaults for what an organization has not set. */
export const settingsOf = (s: Partial<OrganizationSettings>): OrganizationSettings => ({
  mfaRequiredForStaff: s.mfaRequiredForStaff ?? false,
  cssrsEnabled: s.cssrsEnabled ?? false,
  safetyEscalationMinutes: s.safetyEscalationMinutes ?? DEFAULT_SAFETY_ESCALATION_MINUTES,
  onCallClinicianUserId: s.onCallClinicianUserId ?? null,
  lateEntryHours: s.lateEntryHours ?? DEFAULT_LATE_ENTRY_HOURS,
  part2Notice: s.part2Notice ?? DEFAULT_PART2_NOTICE,
  outcomeThresholds: { ...DEFAULT_OUTCOME_SETTINGS, ...s.outcomeThresholds },
});

/** The default measurement-based-care thresholds, as organization settings. */
const DEFAULT_OUTCOME_SETTINGS: OrganizationSettings['outcomeThresholds'] = {
  responseDropPercent: Math.round(DEFAULT_OUTCOME_THRESHOLDS.responseDrop * 100),
  notOnTrackAfterWeeks: DEFAULT_OUTCOME_THRESHOLDS.notOnTrackAfterWeeks,
  phq9RemissionBelow: DEFAULT_OUTCOME_THRESHOLDS.remissionBelow['phq-9']!,
  gad7RemissionBelow: DEFAULT_OUTCOME_THRESHOLDS.remissionBelow['gad-7']!,
  phq9ReliableChange: DEFAULT_OUTCOME_THRESHOLDS.reliableChange['phq-9']!,
  gad7ReliableChange: DEFAULT_OUTCOME_THRESHOLDS.reliableChange['gad-7']!,
};

/**
 * The notice to accompany disclosures of Part 2 records, as 42 CFR 2.32 worded it before the 2024
 * rule. The 2024 wording is unconfirmed [U] (clinical-facts §5.1), so each organization may
 * replace it in its settings.
 */
const DEFAULT_PART2_NOTICE =
  'This record which has been disclosed to you is protected by federal confidentiality rules (42 CFR part 2). ' +
  'The federal rules prohibit you from making any further disclosure of information in this record that identifies ' +
  'a patient as having or having had a substance use disorder either directly, by reference to publicly available ' +
  'information, or through verification of such identification by another person unless further disclosure is ' +
  'expressly permitted by the written consent of the individual whose information is being disclosed or as ' +
  'otherwise permitted by 42 CFR part 2. A general authorization for the release of medical or other information is ' +
  'NOT sufficient for this purpose (see § 2.31). The federal rules restrict any use of the information to ' +
  'investigate or prosecute with regard to a crime any patient with a substance use disorder, except as provided ' +
  'at §§ 2.12(c)(5) and 2.65.';

/** A default only: each organization sets its own in its settings (configuration, not a clinical fact). */
const DEFAULT_SAFETY_ESCALATION_MINUTES = 30;

export const toOrganizationDto = (
  o: Pick<OrganizationRow, 'id' | 'name' | 'time_zone' | 'settings'>,
): OrganizationDto => ({
  id: o.id,
  name: o.name,
  timeZone: o.time_zone,
  settings: settingsOf(o.settings),
});

export const toLocationDto = (l: LocationRow): LocationDto => ({
  id: l.id,
  name: l.name,
  timeZone: l.time_zone,
  address: l.address,
  createdAt: l.created_at.toISOString(),
});

export const toRoomDto = (r: RoomRow): RoomDto => ({
  id: r.id,
  locationId: r.location_id,
  name: r.name,
  capacity: r.capacity,
  telehealth: r.telehealth,
});
