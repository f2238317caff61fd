import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';

interface MemberCardProps {
  patientId: string;
  name: string;
  /** One line beside the name: MRN, attendance… */
  details: ReactNode;
  /** Badges at the card's top right. */
  badges?: ReactNode;
  children: ReactNode;
}

/** One member of a session on a tablet-sized card, named by the link to their record. */
export function MemberCard({ patientId, name, details, badges, children }: MemberCardProps) {
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${id}-name`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Group gap="sm" align="baseline">
            <Anchor component={Link} to={`/patients/${patientId}`} fw={700} size="lg" id={`${id}-name`}>
              {name}
            </Anchor>
            <Text size="sm">{details}</Text>
          </Group>
          <Group gap="xs">{badges}</Group>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
