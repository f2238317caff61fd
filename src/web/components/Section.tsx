import { Group, Paper, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface SectionProps {
  /** An h2: pages hold one h1 and sections below it. */
  heading: string;
  /** A status shown beside the heading, such as a badge. */
  status?: ReactNode;
  children: ReactNode;
}

/** A bordered part of a page with its own heading. */
export function Section({ heading, status, children }: SectionProps) {
  const id = useId();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={id}>
      <Stack>
        <Group gap="sm">
          <Title order={2} size="h3" id={id}>
            {heading}
          </Title>
          {status}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
