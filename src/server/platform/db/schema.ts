import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table types for Kysely: the database as it is, not the API's shapes (those are in src/contracts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  time_zone: string;
  settings: Json<{ mfaRequiredForStaff?: boolean }>;
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

export interface DB {
  organizations: OrganizationsTable;
  locations: LocationsTable;
  rooms: RoomsTable;
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  schema_migrations: SchemaMigrationsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
