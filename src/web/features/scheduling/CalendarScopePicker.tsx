import { Group, Select } from '@mantine/core';
import { LocationSelect, RoomSelect, StaffSelect } from './fields.js';
import { SCOPE_OPTIONS, isPickableScope } from './calendar-view.js';
import { usePrograms, type CalendarScope } from './scheduling-api.js';

export type PickableScope = Exclude<CalendarScope, 'patient'>;

interface CalendarScopePickerProps {
  scope: PickableScope;
  id: string | null;
  /** For room calendars: the location whose rooms are listed. */
  locationId: string | null;
  onChange: (next: { scope: PickableScope; id: string | null }) => void;
  onLocationChange: (locationId: string | null) => void;
}

const ENTITY_LABELS: Record<PickableScope, string> = {
  clinician: 'Clinician',
  room: 'Room',
  program: 'Program',
  track: 'Track',
};

/** "Show calendar for" a clinician, room, program or track, and which one. */
export function CalendarScopePicker({
  scope,
  id,
  locationId,
  onChange,
  onLocationChange,
}: CalendarScopePickerProps) {
  const programs = usePrograms();
  const select = (value: string | null) => onChange({ scope, id: value });
  const common = { label: ENTITY_LABELS[scope], value: id, onChange: select, searchable: true, w: 260 };

  let entity;
  if (scope === 'clinician') {
    entity = <StaffSelect {...common} />;
  } else if (scope === 'room') {
    entity = (
      <>
        <LocationSelect label="Location" value={locationId} onChange={onLocationChange} w={200} />
        <RoomSelect {...common} locationId={locationId} clearable={false} />
      </>
    );
  } else if (scope === 'program') {
    entity = <Select {...common} data={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />;
  } else {
    entity = (
      <Select
        {...common}
        data={(programs.data ?? []).map((p) => ({
          group: p.name,
          items: p.tracks.map((t) => ({ value: t.id, label: t.name })),
        }))}
      />
    );
  }

  return (
    <Group align="flex-end">
      <Select
        label="Show calendar for"
        data={SCOPE_OPTIONS}
        value={scope}
        allowDeselect={false}
        w={180}
        onChange={(value) => isPickableScope(value) && onChange({ scope: value, id: null })}
      />
      {entity}
    </Group>
  );
}
