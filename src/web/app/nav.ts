import { lazy, type ComponentType } from 'react';
import {
  INTAKE_ROLES,
  LICENSED_ROLES,
  PATIENT_RECORD_ROLES,
  PROGRAM_SETUP_ROLES,
  ROLES,
  STAFF_ROLES,
  type Role,
} from '../../domain/identity/roles.js';

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
const IntakeBoardPage = lazy(() =>
  import('../features/intake/IntakeBoardPage.js').then((m) => ({ default: m.IntakeBoardPage })),
);
const NewReferralPage = lazy(() =>
  import('../features/intake/NewReferralPage.js').then((m) => ({ default: m.NewReferralPage })),
);
const ReferralPage = lazy(() =>
  import('../features/intake/ReferralPage.js').then((m) => ({ default: m.ReferralPage })),
);
const PatientSearchPage = lazy(() =>
  import('../features/patients/PatientSearchPage.js').then((m) => ({ default: m.PatientSearchPage })),
);
const PatientRecordPage = lazy(() =>
  import('../features/patients/PatientRecordPage.js').then((m) => ({ default: m.PatientRecordPage })),
);
const ScreeningPage = lazy(() =>
  import('../features/assessments/ScreeningPage.js').then((m) => ({ default: m.ScreeningPage })),
);
const ProgramsPage = lazy(() =>
  import('../features/scheduling/ProgramsPage.js').then((m) => ({ default: m.ProgramsPage })),
);
const SchedulePage = lazy(() =>
  import('../features/scheduling/SchedulePage.js').then((m) => ({ default: m.SchedulePage })),
);
const BookAppointmentPage = lazy(() =>
  import('../features/scheduling/BookAppointmentPage.js').then((m) => ({ default: m.BookAppointmentPage })),
);
const GroupSessionPage = lazy(() =>
  import('../features/scheduling/GroupSessionPage.js').then((m) => ({ default: m.GroupSessionPage })),
);
const ClosuresPage = lazy(() =>
  import('../features/scheduling/ClosuresPage.js').then((m) => ({ default: m.ClosuresPage })),
);
const AdmissionPage = lazy(() =>
  import('../features/scheduling/AdmissionPage.js').then((m) => ({ default: m.AdmissionPage })),
);
const StaffSchedulesPage = lazy(() =>
  import('../features/scheduling/StaffSchedulesPage.js').then((m) => ({ default: m.StaffSchedulesPage })),
);
const RollCallPage = lazy(() =>
  import('../features/attendance/RollCallPage.js').then((m) => ({ default: m.RollCallPage })),
);
const GroupNotePage = lazy(() =>
  import('../features/notes/GroupNotePage.js').then((m) => ({ default: m.GroupNotePage })),
);
const NotePage = lazy(() => import('../features/notes/NotePage.js').then((m) => ({ default: m.NotePage })));
const SafetyAlertsPage = lazy(() =>
  import('../features/safety/SafetyAlertsPage.js').then((m) => ({ default: m.SafetyAlertsPage })),
);
const ProgramOutcomesPage = lazy(() =>
  import('../features/outcomes/ProgramOutcomesPage.js').then((m) => ({ default: m.ProgramOutcomesPage })),
);

/** A console page: a route open to the roles listed; to anyone else it does not exist. */
export interface PageRoute {
  path: string;
  roles: readonly Role[];
  Page: ComponentType;
}

/**
 * The console's navbar links, each also a route. New features (Schedule, …) add one entry here;
 * pages reached from other pages (a record, a form) go in LINKED_PAGES.
 */
export interface NavItem extends PageRoute {
  label: string;
}

const ADMIN: readonly Role[] = ['admin'];

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'Today', roles: STAFF_ROLES, Page: TodayPage },
  { path: '/intake', label: 'Intake', roles: INTAKE_ROLES, Page: IntakeBoardPage },
  { path: '/patients', label: 'Patients', roles: PATIENT_RECORD_ROLES, Page: PatientSearchPage },
  { path: '/schedule', label: 'Schedule', roles: PATIENT_RECORD_ROLES, Page: SchedulePage },
  { path: '/programs', label: 'Programs', roles: [...INTAKE_ROLES, 'admin'], Page: ProgramsPage },
  { path: '/safety-alerts', label: 'Safety alerts', roles: LICENSED_ROLES, Page: SafetyAlertsPage },
  { path: '/users', label: 'Users', roles: ADMIN, Page: UsersPage },
  { path: '/audit', label: 'Audit log', roles: ADMIN, Page: AuditLogPage },
  { path: '/organization', label: 'Organization settings', roles: ADMIN, Page: OrganizationSettingsPage },
  { path: '/account', label: 'Account and security', roles: ROLES, Page: AccountPage },
];

/** Pages without a navbar link: records and forms opened from other pages. */
export const LINKED_PAGES: readonly PageRoute[] = [
  { path: '/intake/new', roles: INTAKE_ROLES, Page: NewReferralPage },
  { path: '/referrals/:id', roles: INTAKE_ROLES, Page: ReferralPage },
  { path: '/patients/:id', roles: PATIENT_RECORD_ROLES, Page: PatientRecordPage },
  { path: '/patients/:id/screen', roles: INTAKE_ROLES, Page: ScreeningPage },
  {
    path: '/patients/:id/safety-plan',
    roles: INTAKE_ROLES,
    Page: lazy(() =>
      import('../features/safety/SafetyPlanPage.js').then((m) => ({ default: m.SafetyPlanPage })),
    ),
  },
  {
    path: '/patients/:id/treatment-plan',
    roles: INTAKE_ROLES,
    Page: lazy(() =>
      import('../features/plans/TreatmentPlanPage.js').then((m) => ({ default: m.TreatmentPlanPage })),
    ),
  },
  { path: '/schedule/appointments/new', roles: PATIENT_RECORD_ROLES, Page: BookAppointmentPage },
  { path: '/schedule/group-sessions/new', roles: PATIENT_RECORD_ROLES, Page: GroupSessionPage },
  { path: '/schedule/closures', roles: [...PATIENT_RECORD_ROLES, 'admin'], Page: ClosuresPage },
  { path: '/admissions/new', roles: INTAKE_ROLES, Page: AdmissionPage },
  { path: '/programs/staff', roles: PROGRAM_SETUP_ROLES, Page: StaffSchedulesPage },
  { path: '/programs/:id/outcomes', roles: PROGRAM_SETUP_ROLES, Page: ProgramOutcomesPage },
  { path: '/sessions/:id/roll-call', roles: PATIENT_RECORD_ROLES, Page: RollCallPage },
  { path: '/sessions/:id/group-note', roles: INTAKE_ROLES, Page: GroupNotePage },
  { path: '/notes/:id', roles: INTAKE_ROLES, Page: NotePage },
];

/** Every console page, for the router. */
export const PAGES: readonly PageRoute[] = [...NAV_ITEMS, ...LINKED_PAGES];

export function canOpen(item: PageRoute, roles: readonly Role[]): boolean {
  return item.roles.some((role) => roles.includes(role));
}
