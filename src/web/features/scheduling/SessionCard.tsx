import { Paper, Text, UnstyledButton } from '@mantine/core';
import type { SessionDto } from '../../../contracts/scheduling.js';
import { describeSession } from './format.js';

/** One session in a calendar column; opens its details. */
export function SessionCard({ session, onOpen }: { session: SessionDto; onOpen: (id: string) => void }) {
  const cancelled = session.status === 'cancelled';
  const line = describeSession(session);
  return (
    <UnstyledButton
      onClick={() => onOpen(session.id)}
      aria-label={`${cancelled ? 'Cancelled: ' : ''}${line}. Open details`}
      w="100%"
    >
      <Paper
        withBorder
        p="xs"
        radius="sm"
        bg={cancelled ? 'var(--mantine-color-gray-light)' : 'var(--mantine-color-blue-light)'}
      >
        <Text size="sm" td={cancelled ? 'line-through' : undefined} c={cancelled ? 'dimmed' : undefined}>
          {line}
        </Text>
        {cancelled && (
          <Text size="xs" c="red.9">
            Cancelled{session.statusReason ? `: ${session.statusReason}` : ''}
          </Text>
        )}
      </Paper>
    </UnstyledButton>
  );
}
