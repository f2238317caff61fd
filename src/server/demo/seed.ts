import type { StaffRole } from '../../domain/identity/roles.js';
import type { Deps } from '../deps.js';

/**
 * The demo clinic, in one place that grows as Trellis does: each later capability adds its own
 * demo records here (programs, patients, schedules...). Runs only on an empty database.
 */
export const DEMO_PASSWORD = 'trellis-demo-2026';
export const DEMO_ORGANIZATION = 'Riverside Behavioral Health';

export const DEMO_USERS: { email: string; displayName: string; roles: StaffRole[] }[] = [
  { email: 'admin@riverside.example', displayName: 'Alex Morgan', roles: ['admin'] },
  { email: 'director@riverside.example', displayName: 'Dana Whitfield', roles: ['program_director'] },
  { email: 'therapist@riverside.example', displayName: 'Taylor Reed', roles: ['clinician'] },
  { email: 'prescriber@riverside.example', displayName: 'Dr. Priya Shah', roles: ['prescriber'] },
  { email: 'intake@riverside.example', displayName: 'Jordan Ellis', roles: ['intake'] },
  { email: 'billing@riverside.example', displayName: 'Casey Brooks', roles: ['biller'] },
  { email: 'frontdesk@riverside.example', displayName: 'Sam Rivera', roles: ['front_desk'] },
];

const DEMO_ROOMS = [
  { name: 'Group Room A', capacity: 14, telehealth: false },
  { name: 'Group Room B', capacity: 12, telehealth: false },
  { name: 'Family Room', capacity: 6, telehealth: false },
  { name: 'Office 1', capacity: 3, telehealth: false },
  { name: 'Office 2', capacity: 3, telehealth: false },
  { name: 'Telehealth', capacity: 15, telehealth: true },
];

export async function isDatabaseEmpty(deps: Deps): Promise<boolean> {
  const row = await deps.database.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function seedDemo(deps: Deps): Promise<{ organizationId: string }> {
  const { organization, location } = await deps.organizations.provision({
    name: DEMO_ORGANIZATION,
    timeZone: 'America/New_York',
    location: { name: 'Riverside Main Clinic', address: '200 River Street, Riverside' },
  });
  for (const user of DEMO_USERS)
    await deps.users.provision(organization.id, { ...user, password: DEMO_PASSWORD });
  for (const room of DEMO_ROOMS) await deps.organizations.provisionRoom(organization.id, location.id, room);
  return { organizationId: organization.id };
}
