import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table types for Kysely: the database as it is, not the API's shapes (those are in src/contracts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  time_zone: string;
  settings: Json<{
    mfaRequiredForStaff?: boolean;
    cssrsEnabled?: boolean;
    safetyEscalationMinutes?: number;
    onCallClinicianUserId?: string | null;
  }>;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface LocationsTable {
  organization_id: string;
  id: Generated<string>;
  name: string;
  time_zone: string;
  address: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface RoomsTable {
  organization_id: string;
  id: Generated<string>;
  location_id: string;
  name: string;
  capacity: number;
  telehealth: Generated<boolean>;
  created_at: CreatedAt;
}

export interface UsersTable {
  organization_id: string;
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  status: Generated<'active' | 'deactivated'>;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
  deactivated_at: Timestamp | null;
}

export interface AuthSessionsTable {
  id: string;
  organization_id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventsTable {
  id: Generated<string>;
  chain_key: string;
  chain_seq: string;
  organization_id: string | null;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_roles: string[];
  action: string;
  resource_type: string;
  resource_id: string | null;
  patient_id: string | null;
  ip: string | null;
  outcome: string;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadsTable {
  chain_key: string;
  last_seq: string;
  last_hash: string;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Timestamp>;
}

type Labels = ColumnType<string[], string[] | undefined, string[]>;

export interface MrnCountersTable {
  organization_id: string;
  last_value: string;
}

export interface PatientsTable {
  organization_id: string;
  id: Generated<string>;
  mrn: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  pronouns: string | null;
  date_of_birth: string | null;
  sex_assigned_at_birth: string | null;
  gender_identity: string | null;
  phone: string | null;
  email: string | null;
  address: NullableJson<Record<string, unknown>>;
  preferred_language: string | null;
  emergency_contact: NullableJson<Record<string, unknown>>;
  sensitivity: Labels;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface ReferralsTable {
  organization_id: string;
  id: Generated<string>;
  patient_id: string;
  source: string;
  referrer_name: string | null;
  referrer_organization: string | null;
  referrer_phone: string | null;
  referrer_email: string | null;
  reason: string;
  urgency: string;
  consent_to_contact: boolean;
  status: Generated<string>;
  status_changed_at: Timestamp;
  closed_reason: string | null;
  destination: string | null;
  sensitivity: Labels;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ReferralEventsTable {
  seq: Generated<string>;
  organization_id: string;
  id: Generated<string>;
  referral_id: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  destination: string | null;
  changed_by: string | null;
  changed_at: Timestamp;
}

export interface ReferralNotesTable {
  seq: Generated<string>;
  organization_id: string;
  id: Generated<string>;
  referral_id: string;
  body: string;
  author_id: string | null;
  created_at: CreatedAt;
  sensitivity: Labels;
}

export interface AdministrationsTable {
  organization_id: string;
  id: Generated<string>;
  patient_id: string;
  referral_id: string | null;
  instrument_id: string;
  answers: Json<unknown[]>;
  sex: string | null;
  total: number | null;
  severity: string | null;
  positive: boolean;
  flags: string[];
  extra: Json<Record<string, unknown>>;
  method: string;
  administered_by: string | null;
  administered_at: Timestamp;
  sensitivity: Labels;
}

export interface SafetyAlertsTable {
  organization_id: string;
  id: Generated<string>;
  patient_id: string;
  administration_id: string | null;
  acuity: string;
  reason: string;
  status: Generated<string>;
  created_at: Timestamp;
  escalate_at: Timestamp;
  escalated_at: Timestamp | null;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  risk_level: string | null;
  risk_assessment: string | null;
  action_plan: string | null;
  sensitivity: Labels;
}

export interface TasksTable {
  organization_id: string;
  id: Generated<string>;
  kind: string;
  patient_id: string | null;
  safety_alert_id: string | null;
  assignee_user_id: string | null;
  assignee_role: string | null;
  title: string;
  status: Generated<string>;
  due_at: Timestamp | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
  completed_by: string | null;
}

export interface LevelOfCareDecisionsTable {
  seq: Generated<string>;
  organization_id: string;
  id: Generated<string>;
  referral_id: string;
  patient_id: string;
  assessment: Json<Record<string, unknown>>;
  recommended_level: string;
  crisis: boolean;
  reasons: Json<{ code: string; text: string }[]>;
  ruleset_version: string;
  chosen_level: string;
  override_justification: string | null;
  asam: NullableJson<Record<string, unknown>>;
  decided_by: string;
  decided_at: Timestamp;
  sensitivity: Labels;
}

export interface DB {
  organizations: OrganizationsTable;
  locations: LocationsTable;
  rooms: RoomsTable;
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  schema_migrations: SchemaMigrationsTable;
  mrn_counters: MrnCountersTable;
  patients: PatientsTable;
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  referral_notes: ReferralNotesTable;
  administrations: AdministrationsTable;
  safety_alerts: SafetyAlertsTable;
  tasks: TasksTable;
  level_of_care_decisions: LevelOfCareDecisionsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
