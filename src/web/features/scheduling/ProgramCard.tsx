import { Badge, Button, DataList, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ProgramDto } from '../../../contracts/scheduling.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { describeAges, describeIntensity } from './format.js';
import { DELIVERY_LABELS, LEVEL_LABELS } from './labels.js';
import { useCreateTrack, useUpdateProgram } from './scheduling-api.js';
import { TrackPanel } from './TrackPanel.js';

/** One program: its rules, and each track with its groups and curriculum. */
export function ProgramCard({ program, canEdit }: { program: ProgramDto; canEdit: boolean }) {
  const update = useUpdateProgram(program.id);
  const rows: [string, string][] = [
    ['Level of care', LEVEL_LABELS[program.levelOfCare]],
    ['Ages', describeAges(program.minAge, program.maxAge)],
    ['Delivery', DELIVERY_LABELS[program.delivery]],
    ['Intensity', describeIntensity(program.intensity)],
    ['Capacity', `${program.activeEpisodes} of ${program.capacity} places filled`],
    ['Substance use', program.substanceUse ? 'Yes' : 'No'],
  ];
  return (
    <Section heading={program.name} status={!program.active && <Badge color="gray">Inactive</Badge>}>
      <DataList labelWidth="9rem">
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      {canEdit && (
        <Button
          component={Link}
          to={`/programs/${program.id}/outcomes`}
          variant="default"
          aria-label={`Outcomes and measurement: ${program.name}`}
          style={{ alignSelf: 'flex-start' }}
        >
          Outcomes and measurement
        </Button>
      )}
      {canEdit && (
        <Switch
          label="Accepting admissions (active)"
          checked={program.active}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ active: e.currentTarget.checked })}
        />
      )}
      <ErrorAlert error={update.error} />
      <Stack gap="md">
        {program.tracks.length === 0 && <Text size="sm">No tracks yet.</Text>}
        {program.tracks.map((track) => (
          <TrackPanel key={track.id} track={track} program={program} canEdit={canEdit} />
        ))}
      </Stack>
      {canEdit && <AddTrackForm programId={program.id} programName={program.name} />}
    </Section>
  );
}

function AddTrackForm({ programId, programName }: { programId: string; programName: string }) {
  const create = useCreateTrack(programId);
  const [name, setName] = useState('');
  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  return (
    <form onSubmit={submit} aria-label={`Add a track to ${programName}`}>
      <Stack gap="xs">
        <Group align="flex-end">
          <TextInput
            label="New track name"
            placeholder="Evening track"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <Button type="submit" variant="default" loading={create.isPending}>
            Add track
          </Button>
        </Group>
        <ErrorAlert error={create.error} />
      </Stack>
    </form>
  );
}
