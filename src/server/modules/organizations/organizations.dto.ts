import type { LocationDto, RoomDto } from '../../../contracts/organizations.js';
import type { OrganizationDto } from '../../../contracts/identity.js';
import type { LocationRow, OrganizationRow, RoomRow } from './organizations.repo.js';

export const toOrganizationDto = (
  o: Pick<OrganizationRow, 'id' | 'name' | 'time_zone' | 'settings'>,
): OrganizationDto => ({
  id: o.id,
  name: o.name,
  timeZone: o.time_zone,
  settings: { mfaRequiredForStaff: Boolean(o.settings.mfaRequiredForStaff) },
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
