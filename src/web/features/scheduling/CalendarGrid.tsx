import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SessionDto } from '../../../contracts/scheduling.js';
import { addDays, formatDay } from './dates.js';
import { byDay } from './format.js';
import { SessionCard } from './SessionCard.js';

interface CalendarGridProps {
  from: string;
  days: number;
  sessions: SessionDto[];
  today: string;
  onOpen: (id: string) => void;
}

/** Day columns (Mon–Sun in week view), each a list of session cards. */
export function CalendarGrid({ from, days, sessions, today, onOpen }: CalendarGridProps) {
  const grouped = byDay(sessions);
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
  return (
    <SimpleGrid cols={{ base: 1, sm: days === 1 ? 1 : 2, lg: days }} spacing="xs">
      {dates.map((date) => {
        const list = grouped.get(date) ?? [];
        return (
          <Paper
            key={date}
            withBorder
            p="xs"
            component="section"
            aria-label={formatDay(date)}
            bd={date === today ? '2px solid var(--mantine-primary-color-filled)' : undefined}
          >
            <Stack gap="xs">
              <Title order={2} size="h5">
                {formatDay(date)}
                {date === today ? ' (today)' : ''}
              </Title>
              {list.length === 0 ? (
                <Text size="xs" c="dimmed">
                  Nothing scheduled
                </Text>
              ) : (
                <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {list.map((session) => (
                    <li key={session.id}>
                      <SessionCard session={session} onOpen={onOpen} />
                    </li>
                  ))}
                </Stack>
              )}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
