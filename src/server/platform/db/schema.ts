import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { PlanContent as PlanContentJson } from '../../../domain/plans/index.js';
import type { SafetyPlanContent as SafetyPlanContentJson } from '../../../domain/safety/safety-plan.js';

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
  credentials: string | null;
  supervisor_id: string | null;
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
  note_id: string | null;
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
  session_id: string | null;
}

export interface TaskAttemptsTable {
  organization_id: string;
  seq: Generated<string>;
  task_id: string;
  outcome: string;
  note: string | null;
  attempted_by: string | null;
  attempted_at: Timestamp;
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

/** Defaults to now() on insert; set to now() on every update. */
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** 'HH:MM:SS' from both drivers. */
type Time = string;
/** 'YYYY-MM-DD' from both drivers (see engine type parsers). */
type DateOnly = ColumnType<string, string, string>;

export interface StaffAvailabilityTable {
  organization_id: string;
  user_id: string;
  weekday: string;
  start_time: Time;
  end_time: Time;
}

export interface IntensityJson {
  minHoursPerWeek: number;
  maxHoursPerWeek?: number;
  minDaysPerWeek: number;
  maxDaysPerWeek: number;
  minHoursPerDay: number;
  maxHoursPerDay: number;
}

export interface ProgramsTable {
  organization_id: string;
  id: Generated<string>;
  location_id: string;
  name: string;
  level_of_care: string;
  min_age: number;
  max_age: number | null;
  capacity: number;
  delivery: string;
  substance_use: Generated<boolean>;
  intensity: Json<IntensityJson>;
  measurement_schedule: ColumnType<MeasurementRuleJson[], string | undefined, string>;
  plan_review_interval_days: number | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TracksTable {
  organization_id: string;
  id: Generated<string>;
  program_id: string;
  name: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GroupBlocksTable {
  organization_id: string;
  id: Generated<string>;
  track_id: string;
  title: string;
  group_kind: string;
  weekdays: string[];
  start_time: Time;
  end_time: Time;
  facilitator_id: string;
  co_facilitator_id: string | null;
  room_id: string | null;
  telehealth_url: string | null;
  max_size: Generated<number>;
  uses_curriculum: Generated<boolean>;
  active_from: DateOnly;
  active_until: DateOnly | null;
  created_at: CreatedAt;
}

export interface CurriculumModulesTable {
  organization_id: string;
  id: Generated<string>;
  track_id: string;
  position: number;
  title: string;
  kind: string;
  description: string | null;
}

export interface ClosuresTable {
  organization_id: string;
  id: Generated<string>;
  location_id: string;
  date: DateOnly;
  reason: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface EpisodesTable {
  organization_id: string;
  id: Generated<string>;
  patient_id: string;
  referral_id: string | null;
  program_id: string;
  track_id: string;
  level_of_care: string;
  status: Generated<string>;
  admitted_on: DateOnly;
  discharged_on: DateOnly | null;
  primary_therapist_id: string;
  prescriber_id: string | null;
  diagnoses: ColumnType<unknown[], string | undefined, string>;
  stepping_down_since: DateOnly | null;
  engagement_risk: Generated<boolean>;
  sensitivity: Labels;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface LevelOfCareSpansTable {
  organization_id: string;
  id: Generated<string>;
  episode_id: string;
  level_of_care: string;
  started_on: DateOnly;
  ended_on: DateOnly | null;
  reason: string;
}

export interface SessionSeriesTable {
  organization_id: string;
  id: Generated<string>;
  rrule: string;
  dtstart: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  organization_id: string;
  id: Generated<string>;
  kind: string;
  origin: string;
  title: string;
  group_kind: string | null;
  location_id: string;
  program_id: string | null;
  track_id: string | null;
  group_block_id: string | null;
  series_id: string | null;
  curriculum_module_id: string | null;
  room_id: string | null;
  telehealth_url: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  local_date: DateOnly;
  occurrence_date: DateOnly | null;
  max_size: number | null;
  status: Generated<string>;
  status_reason: string | null;
  closure_id: string | null;
  moved_from: Timestamp | null;
  sequence: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionStaffTable {
  organization_id: string;
  session_id: string;
  user_id: string;
  role: string;
}

export interface SessionParticipantsTable {
  organization_id: string;
  session_id: string;
  patient_id: string;
  episode_id: string | null;
  added_at: CreatedAt;
}

export interface ModuleCompletionsTable {
  organization_id: string;
  episode_id: string;
  module_id: string;
  session_id: string | null;
  completed_on: DateOnly;
  recorded_by: string | null;
}

export interface PatientNoticesTable {
  organization_id: string;
  id: Generated<string>;
  patient_id: string;
  session_id: string | null;
  kind: string;
  message: string;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

export interface IntensityOverridesTable {
  organization_id: string;
  id: Generated<string>;
  episode_id: string;
  week_of: DateOnly;
  change: string;
  shortfalls: Json<unknown[]>;
  reason: string;
  decided_by: string | null;
  decided_at: CreatedAt;
}

export interface CalendarFeedsTable {
  organization_id: string;
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
}

export interface AttendanceTable {
  organization_id: string;
  session_id: string;
  patient_id: string;
  episode_id: string | null;
  status: string;
  late_minutes: Generated<number>;
  left_early_minutes: Generated<number>;
  telehealth: Generated<boolean>;
  absence_reason: string | null;
  minutes: number;
  starts_at: Timestamp;
  checked_in_at: Timestamp | null;
  recorded_by: string | null;
  recorded_at: UpdatedAt;
  locked_at: Timestamp | null;
}

export interface AttendanceChangesTable {
  organization_id: string;
  seq: Generated<string>;
  session_id: string;
  patient_id: string;
  before: NullableJson<Record<string, unknown>>;
  after: Json<Record<string, unknown>>;
  reason: string | null;
  changed_by: string | null;
  changed_at: CreatedAt;
}

export interface GroupNotesTable {
  organization_id: string;
  session_id: string;
  body: Json<Record<string, string>>;
  author_id: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NoteMedicationJson {
  changes: {
    kind: 'start' | 'stop' | 'dose_change' | 'continue';
    name: string;
    dose?: string | null;
    route?: string | null;
    frequency?: string | null;
    reason?: string | null;
  }[];
  vitals: {
    systolic?: number | null;
    diastolic?: number | null;
    heartRate?: number | null;
    weightKg?: number | null;
    heightCm?: number | null;
  } | null;
}

export interface NotesTable {
  organization_id: string;
  id: Generated<string>;
  patient_id: string;
  session_id: string;
  episode_id: string | null;
  kind: string;
  template: string;
  body: Json<Record<string, string>>;
  risk: string | null;
  risk_detail: string | null;
  attendees: ColumnType<{ name: string; relationship: string }[], string | undefined, string>;
  medication: NullableJson<NoteMedicationJson>;
  content_text: Generated<string>;
  session_starts_at: Timestamp;
  author_id: string;
  status: Generated<string>;
  signed_content: NullableJson<Record<string, unknown>>;
  content_sha256: string | null;
  service_code: string | null;
  signed_by: string | null;
  signed_at: Timestamp | null;
  late_entry: Generated<boolean>;
  cosigner_id: string | null;
  cosigned_at: Timestamp | null;
  goal_ids: Generated<string[]>;
  sensitivity: Labels;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NoteAddendaTable {
  organization_id: string;
  id: Generated<string>;
  note_id: string;
  author_id: string;
  reason: string;
  text: string;
  content_sha256: string;
  created_at: Timestamp;
}

export interface MedicationsTable {
  organization_id: string;
  id: Generated<string>;
  patient_id: string;
  name: string;
  dose: string | null;
  route: string | null;
  frequency: string | null;
  since: DateOnly;
  stopped_on: DateOnly | null;
  source_note_id: string;
  sensitivity: Labels;
}

export interface MedicationChangesTable {
  organization_id: string;
  seq: Generated<string>;
  patient_id: string;
  note_id: string;
  kind: string;
  name: string;
  dose: string | null;
  reason: string | null;
  changed_on: DateOnly;
  sensitivity: Labels;
}

export interface MeasurementRuleJson {
  instrumentId: string;
  every?: { weeks: number };
  at?: ('admission' | 'discharge')[];
  trackIds?: string[];
}

export interface PlanReviewJson {
  progress: { objectiveId: string; progress: string; comment: string }[];
  summary: string;
  changes: string[];
  reviewedOn: string;
}

export interface TreatmentPlansTable {
  organization_id: string;
  id: Generated<string>;
  episode_id: string;
  patient_id: string;
  version: number;
  previous_id: string | null;
  status: Generated<string>;
  content: Json<PlanContentJson>;
  review: NullableJson<PlanReviewJson>;
  payer_review_interval_days: number | null;
  author_id: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  signed_by: string | null;
  signed_at: Timestamp | null;
  signed_content: NullableJson<Record<string, unknown>>;
  content_sha256: string | null;
  cosigner_id: string | null;
  cosigned_at: Timestamp | null;
  effective_on: DateOnly | null;
  review_due_on: DateOnly | null;
  patient_signed_at: Timestamp | null;
  patient_signature_name: string | null;
  patient_signature_witness: string | null;
  patient_declined_reason: string | null;
  sensitivity: Labels;
}

export interface KioskHandoffsTable {
  organization_id: string;
  id: Generated<string>;
  patient_id: string;
  code_sha256: string;
  instruments: string[];
  completed: Generated<string[]>;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface SafetyPlansTable {
  organization_id: string;
  id: Generated<string>;
  patient_id: string;
  version: number;
  content: Json<SafetyPlanContentJson>;
  reason: string;
  safety_alert_id: string | null;
  author_id: string;
  created_at: Timestamp;
  sensitivity: Labels;
}

export interface DiagnosisCodesTable {
  system: string;
  code: string;
  display: string;
  source: string;
  imported_at: Timestamp;
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
  staff_availability: StaffAvailabilityTable;
  programs: ProgramsTable;
  tracks: TracksTable;
  group_blocks: GroupBlocksTable;
  curriculum_modules: CurriculumModulesTable;
  closures: ClosuresTable;
  episodes: EpisodesTable;
  level_of_care_spans: LevelOfCareSpansTable;
  session_series: SessionSeriesTable;
  sessions: SessionsTable;
  session_staff: SessionStaffTable;
  session_participants: SessionParticipantsTable;
  module_completions: ModuleCompletionsTable;
  patient_notices: PatientNoticesTable;
  intensity_overrides: IntensityOverridesTable;
  calendar_feeds: CalendarFeedsTable;
  attendance: AttendanceTable;
  attendance_changes: AttendanceChangesTable;
  task_attempts: TaskAttemptsTable;
  group_notes: GroupNotesTable;
  notes: NotesTable;
  note_addenda: NoteAddendaTable;
  medications: MedicationsTable;
  medication_changes: MedicationChangesTable;
  treatment_plans: TreatmentPlansTable;
  kiosk_handoffs: KioskHandoffsTable;
  safety_plans: SafetyPlansTable;
  diagnosis_codes: DiagnosisCodesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
