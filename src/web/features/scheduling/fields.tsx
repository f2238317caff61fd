import { Select, type SelectProps } from '@mantine/core';
import type { Role } from '../../../domain/identity/roles.js';
import { useLocations, useRooms, useStaff } from './scheduling-api.js';

type PickerProps = Omit<SelectProps, 'data'>;

/** Clinical staff from GET /staff, optionally only those holding one of `roles`. */
export function StaffSelect({ roles, ...props }: PickerProps & { roles?: readonly Role[] }) {
  const staff = useStaff();
  const data = (staff.data ?? [])
    .filter((person) => !roles || person.roles.some((role) => roles.includes(role as Role)))
    .map((person) => ({
      value: person.id,
      label: person.credentials ? `${person.name}, ${person.credentials}` : person.name,
    }));
  return (
    <Select
      searchable
      nothingFoundMessage={staff.isLoading ? 'Loading…' : 'Nobody matches'}
      error={staff.error ? 'Staff could not be loaded' : undefined}
      {...props}
      data={data}
    />
  );
}

export function LocationSelect(props: PickerProps) {
  const locations = useLocations();
  const data = (locations.data ?? []).map((l) => ({ value: l.id, label: l.name }));
  return (
    <Select error={locations.error ? 'Locations could not be loaded' : undefined} {...props} data={data} />
  );
}

/** The rooms of a location; telehealth rooms are marked. */
export function RoomSelect({
  locationId,
  ...props
}: PickerProps & { locationId: string | null | undefined }) {
  const rooms = useRooms(locationId);
  const data = (rooms.data ?? []).map((r) => ({
    value: r.id,
    label: `${r.name}${r.telehealth ? ' (telehealth)' : ''} · seats ${r.capacity}`,
  }));
  return (
    <Select
      clearable
      disabled={!locationId}
      error={rooms.error ? 'Rooms could not be loaded' : undefined}
      {...props}
      data={data}
    />
  );
}
