import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import type { GroupBlockDto, ProgramDto } from '../../../contracts/scheduling.js';
import { plural } from '../patients/format.js';
import { BlockFormModal } from './BlockFormModal.js';
import { CurriculumEditor } from './CurriculumEditor.js';
import { EndBlockModal } from './EndBlockModal.js';
import { describeBlock } from './format.js';
import { GenerateSessionsForm } from './GenerateSessionsForm.js';
import type { Track } from './scheduling-api.js';

type Block = z.infer<typeof GroupBlockDto>;

interface TrackPanelProps {
  track: Track;
  program: ProgramDto;
  canEdit: boolean;
}

/** A track: its weekly group blocks, curriculum, and (for directors) the tools to change them. */
export function TrackPanel({ track, program, canEdit }: TrackPanelProps) {
  const [addingBlock, setAddingBlock] = useState(false);
  const [ending, setEnding] = useState<Block | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-label={`Track ${track.name}`}>
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3} size="h4">
            {track.name}
          </Title>
          <Badge variant="light">{plural(track.memberCount, 'member')}</Badge>
          {!track.active && <Badge color="gray">Inactive</Badge>}
        </Group>
        {track.blocks.length === 0 ? (
          <Text size="sm">No group blocks yet.</Text>
        ) : (
          <Stack
            gap={4}
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label="Group blocks"
          >
            {track.blocks.map((block) => (
              <Group key={block.id} component="li" justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm" fw={600}>
                    {block.title}
                  </Text>
                  <Text size="sm">{describeBlock(block)}</Text>
                  <Text size="xs" c="dimmed">
                    Led by {block.facilitator.name}
                    {block.coFacilitator ? ` with ${block.coFacilitator.name}` : ''} · from {block.activeFrom}
                    {block.activeUntil ? ` until ${block.activeUntil}` : ''}
                    {block.usesCurriculum ? ' · follows the curriculum' : ''}
                  </Text>
                </div>
                {canEdit && !block.activeUntil && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEnding(block)}
                    aria-label={`End block ${block.title}`}
                  >
                    End block
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {canEdit && (
          <Group>
            <Button size="xs" variant="default" onClick={() => setAddingBlock(true)}>
              Add group block
            </Button>
          </Group>
        )}
        <CurriculumEditor track={track} canEdit={canEdit} />
        {canEdit && <GenerateSessionsForm track={track} />}
      </Stack>
      {addingBlock && (
        <BlockFormModal track={track} locationId={program.locationId} onClose={() => setAddingBlock(false)} />
      )}
      {ending && <EndBlockModal block={ending} onClose={() => setEnding(null)} />}
    </Paper>
  );
}
