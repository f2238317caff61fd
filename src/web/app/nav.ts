import { lazy, type ComponentType } from 'react';
import { ROLES, STAFF_ROLES, type Role } from '../../domain/identity/roles.js';
import { TodayPage } from '../features/today/TodayPage.js';

// Pages most people never open load on first visit, keeping the first load small.
const UsersPage = lazy(() =>
  import('../features/identity/UsersPage.js').then((m) => ({ default: m.UsersPage })),
);
const AuditLogPage = lazy(() =>
  import('../features/audit/AuditLogPage.js').then((m) => ({ default: m.AuditLogPage })),
);
const OrganizationSettingsPage = lazy(() =>
  import('../features/organizations/OrganizationSettingsPage.js').then((m) => ({
    default: m.OrganizationSettingsPage,
  })),
);
const AccountPage = lazy(() =>
  import('../features/identity/AccountPage.js').then((m) => ({ default: m.AccountPage })),
);

/**
 * The console's pages: each is a route and a navbar link, open to the roles
 * listed. New features (Patients, Intake, Schedule, …) add one entry here.
 */
export interface NavItem {
  path: string;
  label: string;
  roles: readonly Role[];
  Page: ComponentType;
}

const ADMIN: readonly Role[] = ['admin'];

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'Today', roles: STAFF_ROLES, Page: TodayPage },
  { path: '/users', label: 'Users', roles: ADMIN, Page: UsersPage },
  { path: '/audit', label: 'Audit log', roles: ADMIN, Page: AuditLogPage },
  { path: '/organization', label: 'Organization settings', roles: ADMIN, Page: OrganizationSettingsPage },
  { path: '/account', label: 'Account and security', roles: ROLES, Page: AccountPage },
];

export function canOpen(item: NavItem, roles: readonly Role[]): boolean {
  return item.roles.some((role) => roles.includes(role));
}
