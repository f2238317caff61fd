import type { LocationDto, RoomDto } from '../../../contracts/organizations.js';
import type { OrganizationDto, OrganizationSettings } from '../../../contracts/identity.js';
import type { LocationRow, OrganizationRow, RoomRow } from './organizations.repo.js';

/** Stored settings with defaults for what an organization has not set. */
export const settingsOf = (s: Partial<OrganizationSettings>): OrganizationSettings => ({
  mfaRequiredForStaff: s.mfaRequiredForStaff ?? false,
  cssrsEnabled: s.cssrsEnabled ?? false,
  safetyEscalationMinutes: s.safetyEscalationMinutes ?? DEFAULT_SAFETY_ESCALATION_MINUTES,
  onCallClinicianUserId: s.onCallClinicianUserId ?? null,
});

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
