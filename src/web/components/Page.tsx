import { Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface PageProps {
  /** The browser tab title, and the page heading unless `heading` is given. */
  title: string;
  heading?: ReactNode;
  /** Buttons shown beside the heading. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A page's one h1 and tab title, above its content. */
export function Page({ title, heading, actions, children }: PageProps) {
  useDocumentTitle(`${title} · Trellis`);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">
          {heading ?? title}
        </Title>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}
