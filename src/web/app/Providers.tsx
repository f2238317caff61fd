import {
  Alert,
  createTheme,
  MantineProvider,
  Menu,
  Modal,
  Notification,
  type CSSVariablesResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from './query-client.js';

const theme = createTheme({
  // Shade 8 keeps white text on buttons and primary-coloured links above 4.5:1 (WCAG AA).
  primaryColor: 'indigo',
  primaryShade: 8,
  // Mantine's close buttons are icons without a name; give them one everywhere.
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
    // The focus placeholder is an invalid child of role="menu"; without it focus goes to the first item.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    // Light alerts colour their title with the alert's colour (yellow is 2.7:1); keep titles in text colour.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
  },
});

// Mantine's default "dimmed" grey (descriptions) is 3.3:1 on white and its error red 3.3:1;
// gray-7 and red-9 are 8:1 and 5.5:1.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <Notifications position="bottom-right" />
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
