import { AppShell, Burger, Button, Group, Loader, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, matchPath, Outlet, useLocation } from 'react-router';
import { MfaEnrollmentPage } from '../features/identity/MfaEnrollmentPage.js';
import { useSignedInMe, useSignOut } from './auth.js';
import classes from './AppLayout.module.css';
import { canOpen, NAV_ITEMS } from './nav.js';

/** The console frame. While the organization requires MFA and the person has none, it offers only enrollment. */
export function AppLayout() {
  const me = useSignedInMe();
  const enrolling = me.mfaEnrollmentRequired;
  const [navOpened, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  const signOut = useSignOut();
  const items = NAV_ITEMS.filter((item) => canOpen(item, me.roles));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={enrolling ? undefined : { width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <a href="#main" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {!enrolling && (
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              />
            )}
            <Text fw={700} size="lg">
              Trellis
            </Text>
            <Text visibleFrom="xs" truncate>
              {me.organization.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text visibleFrom="sm" fw={500}>
              {me.user.displayName}
            </Text>
            <Button variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      {!enrolling && (
        <AppShell.Navbar p="xs" aria-label="Main navigation">
          {items.map((item) => {
            const active = matchPath({ path: item.path, end: item.path === '/' }, pathname) !== null;
            return (
              <NavLink
                key={item.path}
                component={Link}
                to={item.path}
                label={item.label}
                active={active}
                variant="filled"
                aria-current={active ? 'page' : undefined}
                onClick={nav.close}
              />
            );
          })}
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Suspense fallback={<Loader aria-label="Loading page" />}>
          {enrolling ? <MfaEnrollmentPage /> : <Outlet />}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
