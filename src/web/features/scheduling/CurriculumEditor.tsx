import { ActionIcon, Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { MODULE_KIND_LABELS, MODULE_KIND_OPTIONS, type ModuleKind } from './labels.js';
import { useAddModule, useReorderModules, type Track } from './scheduling-api.js';

/** A track's curriculum modules in teaching order; directors add and reorder them. */
export function CurriculumEditor({ track, canEdit }: { track: Track; canEdit: boolean }) {
  const reorder = useReorderModules(track.id);
  const modules = [...track.curriculum].sort((a, b) => a.position - b.position);

  const move = (index: number, by: -1 | 1) => {
    const ids = modules.map((m) => m.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + by, 0, moved);
    reorder.mutate(ids);
  };

  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        Curriculum
      </Title>
      {modules.length === 0 && <Text size="sm">No curriculum modules.</Text>}
      {modules.length > 0 && (
        <Stack
          gap={4}
          component="ol"
          style={{ paddingLeft: '1.25rem', margin: 0 }}
          aria-label={`Curriculum of ${track.name}`}
        >
          {modules.map((module, index) => (
            <li key={module.id}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{module.title}</Text>
                <Badge size="xs" variant="light">
                  {MODULE_KIND_LABELS[module.kind]}
                </Badge>
                {canEdit && (
                  <>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      disabled={index === 0 || reorder.isPending}
                      onClick={() => move(index, -1)}
                      aria-label={`Move ${module.title} up`}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      disabled={index === modules.length - 1 || reorder.isPending}
                      onClick={() => move(index, 1)}
                      aria-label={`Move ${module.title} down`}
                    >
                      ↓
                    </ActionIcon>
                  </>
                )}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      <ErrorAlert error={reorder.error} />
      {canEdit && <AddModuleForm track={track} />}
    </Stack>
  );
}

function AddModuleForm({ track }: { track: Track }) {
  const add = useAddModule(track.id);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ModuleKind>('psychoeducation');
  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (!title.trim()) return;
    add.mutate({ title: title.trim(), kind }, { onSuccess: () => setTitle('') });
  };
  return (
    <form onSubmit={submit} aria-label={`Add a curriculum module to ${track.name}`}>
      <Stack gap="xs">
        <Group align="flex-end">
          <TextInput
            label="Module title"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
          <Select
            label="Module kind"
            data={MODULE_KIND_OPTIONS}
            value={kind}
            allowDeselect={false}
            onChange={(v) => {
              if (v) setKind(v);
            }}
          />
          <Button type="submit" variant="default" loading={add.isPending}>
            Add module
          </Button>
        </Group>
        <ErrorAlert error={add.error} />
      </Stack>
    </form>
  );
}
