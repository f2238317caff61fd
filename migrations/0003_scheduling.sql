-- Scheduling: staff credentials and availability, programs, tracks with group blocks and a
-- curriculum, sessions (groups and appointments) with staff and participants, closures,
-- episodes of care with their level-of-care history, schedule-change records, calendar feeds.
-- Tenant tables key on (organization_id, id) as in 0001.

-- A supervised (pre-licensure) clinician has a supervisor; licensed staff do not.
ALTER TABLE users
  ADD COLUMN credentials   text CHECK (length(credentials) <= 60),
  ADD COLUMN supervisor_id uuid,
  ADD FOREIGN KEY (organization_id, supervisor_id) REFERENCES users (organization_id, id);

-- Weekly working hours (clinic-local). A user with no rows is not restricted.
CREATE TABLE staff_availability (
  organization_id uuid NOT NULL,
  user_id         uuid NOT NULL,
  weekday         text NOT NULL CHECK (weekday IN ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')),
  start_time      time NOT NULL,
  end_time        time NOT NULL CHECK (end_time > start_time),
  PRIMARY KEY (organization_id, user_id, weekday, start_time),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id)
);

CREATE TABLE programs (
  organization_id  uuid NOT NULL REFERENCES organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  location_id      uuid NOT NULL,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  level_of_care    text NOT NULL CHECK (level_of_care IN ('iop', 'php')),
  min_age          integer NOT NULL CHECK (min_age BETWEEN 0 AND 120),
  max_age          integer CHECK (max_age BETWEEN min_age AND 130),
  capacity         integer NOT NULL CHECK (capacity > 0),
  delivery         text NOT NULL CHECK (delivery IN ('in_person', 'telehealth', 'hybrid')),
  substance_use    boolean NOT NULL DEFAULT false,
  intensity        jsonb NOT NULL,
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, location_id) REFERENCES locations (organization_id, id)
);
CREATE UNIQUE INDEX programs_name ON programs (organization_id, lower(name));

CREATE TABLE tracks (
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  program_id      uuid NOT NULL,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, program_id) REFERENCES programs (organization_id, id)
);
CREATE UNIQUE INDEX tracks_name ON tracks (organization_id, program_id, lower(name));

-- A weekly group block; its sessions are generated from weekdays + clinic-local times.
CREATE TABLE group_blocks (
  organization_id     uuid NOT NULL,
  id                  uuid NOT NULL DEFAULT gen_random_uuid(),
  track_id            uuid NOT NULL,
  title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  group_kind          text NOT NULL CHECK (group_kind IN ('process', 'skills', 'psychoeducation',
                        'relapse_prevention', 'multi_family')),
  weekdays            text[] NOT NULL CHECK (cardinality(weekdays) > 0
                        AND weekdays <@ ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']),
  start_time          time NOT NULL,
  end_time            time NOT NULL CHECK (end_time > start_time),
  facilitator_id      uuid NOT NULL,
  co_facilitator_id   uuid,
  room_id             uuid,
  telehealth_url      text CHECK (telehealth_url ~ '^https://'),
  max_size            integer NOT NULL DEFAULT 12 CHECK (max_size BETWEEN 1 AND 100),
  uses_curriculum     boolean NOT NULL DEFAULT false,
  active_from         date NOT NULL,
  active_until        date CHECK (active_until >= active_from),
  created_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, track_id) REFERENCES tracks (organization_id, id),
  FOREIGN KEY (organization_id, facilitator_id) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, co_facilitator_id) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, room_id) REFERENCES rooms (organization_id, id),
  CHECK (room_id IS NOT NULL OR telehealth_url IS NOT NULL)
);
CREATE INDEX group_blocks_track ON group_blocks (organization_id, track_id);

CREATE TABLE curriculum_modules (
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  track_id        uuid NOT NULL,
  position        integer NOT NULL CHECK (position >= 0),
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  kind            text NOT NULL CHECK (kind IN ('psychoeducation', 'skills')),
  description     text CHECK (length(description) <= 2000),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, track_id, position) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organization_id, track_id) REFERENCES tracks (organization_id, id)
);

-- Closed days (holidays, weather): sessions on them are cancelled with notice to members.
CREATE TABLE closures (
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  location_id     uuid NOT NULL,
  date            date NOT NULL,
  reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  created_by      uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, location_id, date),
  FOREIGN KEY (organization_id, location_id) REFERENCES locations (organization_id, id)
);

CREATE TABLE episodes (
  organization_id      uuid NOT NULL,
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id           uuid NOT NULL,
  referral_id          uuid,
  program_id           uuid NOT NULL,
  track_id             uuid NOT NULL,
  level_of_care        text NOT NULL CHECK (level_of_care IN ('iop', 'php')),
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discharged')),
  admitted_on          date NOT NULL,
  discharged_on        date CHECK (discharged_on >= admitted_on),
  primary_therapist_id uuid NOT NULL,
  prescriber_id        uuid,
  diagnoses            jsonb NOT NULL DEFAULT '[]'::jsonb,
  stepping_down_since  date,
  sensitivity          text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity)),
  created_by           uuid,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, referral_id) REFERENCES referrals (organization_id, id),
  FOREIGN KEY (organization_id, program_id) REFERENCES programs (organization_id, id),
  FOREIGN KEY (organization_id, track_id) REFERENCES tracks (organization_id, id),
  FOREIGN KEY (organization_id, primary_therapist_id) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, prescriber_id) REFERENCES users (organization_id, id)
);
-- One active episode per patient; one episode per referral.
CREATE UNIQUE INDEX episodes_active_patient ON episodes (organization_id, patient_id) WHERE status = 'active';
CREATE UNIQUE INDEX episodes_referral ON episodes (organization_id, referral_id) WHERE referral_id IS NOT NULL;
CREATE INDEX episodes_track ON episodes (organization_id, track_id, status);

CREATE TABLE level_of_care_spans (
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  episode_id      uuid NOT NULL,
  level_of_care   text NOT NULL CHECK (level_of_care IN ('iop', 'php')),
  started_on      date NOT NULL,
  ended_on        date CHECK (ended_on >= started_on),
  reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes (organization_id, id)
);

-- A repeating appointment booked in one action (e.g. weekly individual therapy).
CREATE TABLE session_series (
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  rrule           text NOT NULL,
  dtstart         text NOT NULL,
  created_by      uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id)
);

CREATE TABLE sessions (
  organization_id       uuid NOT NULL,
  id                    uuid NOT NULL DEFAULT gen_random_uuid(),
  kind                  text NOT NULL CHECK (kind IN ('group', 'intake_assessment', 'individual', 'family',
                          'medication_management')),
  origin                text NOT NULL CHECK (origin IN ('track', 'one_off', 'make_up', 'appointment')),
  title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  group_kind            text CHECK (group_kind IN ('process', 'skills', 'psychoeducation', 'relapse_prevention',
                          'multi_family')),
  location_id           uuid NOT NULL,
  program_id            uuid,
  track_id              uuid,
  group_block_id        uuid,
  series_id             uuid,
  curriculum_module_id  uuid,
  room_id               uuid,
  telehealth_url        text CHECK (telehealth_url ~ '^https://'),
  starts_at             timestamptz NOT NULL,
  ends_at               timestamptz NOT NULL CHECK (ends_at > starts_at),
  local_date            date NOT NULL,
  -- The block's own date for this occurrence; it stays put when the session is moved.
  occurrence_date       date,
  max_size              integer CHECK (max_size BETWEEN 1 AND 100),
  status                text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  status_reason         text CHECK (length(status_reason) <= 500),
  closure_id            uuid,
  moved_from            timestamptz,
  sequence              integer NOT NULL DEFAULT 0,
  created_by            uuid,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, location_id) REFERENCES locations (organization_id, id),
  FOREIGN KEY (organization_id, program_id) REFERENCES programs (organization_id, id),
  FOREIGN KEY (organization_id, track_id) REFERENCES tracks (organization_id, id),
  FOREIGN KEY (organization_id, group_block_id) REFERENCES group_blocks (organization_id, id),
  FOREIGN KEY (organization_id, series_id) REFERENCES session_series (organization_id, id),
  FOREIGN KEY (organization_id, curriculum_module_id) REFERENCES curriculum_modules (organization_id, id),
  FOREIGN KEY (organization_id, room_id) REFERENCES rooms (organization_id, id),
  FOREIGN KEY (organization_id, closure_id) REFERENCES closures (organization_id, id),
  CHECK ((kind = 'group') = (group_kind IS NOT NULL)),
  CHECK ((group_block_id IS NULL) = (occurrence_date IS NULL)),
  CHECK (status = 'scheduled' OR status_reason IS NOT NULL)
);
-- Generating a block's sessions twice never duplicates one.
CREATE UNIQUE INDEX sessions_block_occurrence ON sessions (organization_id, group_block_id, occurrence_date)
  WHERE group_block_id IS NOT NULL;
CREATE INDEX sessions_time ON sessions (organization_id, starts_at);
CREATE INDEX sessions_track_time ON sessions (organization_id, track_id, starts_at) WHERE track_id IS NOT NULL;
CREATE INDEX sessions_room_time ON sessions (organization_id, room_id, starts_at) WHERE room_id IS NOT NULL;

CREATE TABLE session_staff (
  organization_id uuid NOT NULL,
  session_id      uuid NOT NULL,
  user_id         uuid NOT NULL,
  role            text NOT NULL CHECK (role IN ('lead', 'co')),
  PRIMARY KEY (organization_id, session_id, user_id),
  FOREIGN KEY (organization_id, session_id) REFERENCES sessions (organization_id, id),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id)
);
CREATE INDEX session_staff_user ON session_staff (organization_id, user_id, session_id);

CREATE TABLE session_participants (
  organization_id uuid NOT NULL,
  session_id      uuid NOT NULL,
  patient_id      uuid NOT NULL,
  episode_id      uuid,
  added_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, session_id, patient_id),
  FOREIGN KEY (organization_id, session_id) REFERENCES sessions (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes (organization_id, id)
);
CREATE INDEX session_participants_patient ON session_participants (organization_id, patient_id, session_id);

-- Curriculum modules a member has completed (recorded from the group session that covered it).
CREATE TABLE module_completions (
  organization_id uuid NOT NULL,
  episode_id      uuid NOT NULL,
  module_id       uuid NOT NULL,
  session_id      uuid,
  completed_on    date NOT NULL,
  recorded_by     uuid,
  PRIMARY KEY (organization_id, episode_id, module_id),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes (organization_id, id),
  FOREIGN KEY (organization_id, module_id) REFERENCES curriculum_modules (organization_id, id),
  FOREIGN KEY (organization_id, session_id) REFERENCES sessions (organization_id, id)
);

-- Notices to patients about their schedule (cancellations, moves); the portal delivers them.
CREATE TABLE patient_notices (
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id      uuid NOT NULL,
  session_id      uuid,
  kind            text NOT NULL CHECK (kind IN ('session_cancelled', 'session_moved')),
  message         text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  read_at         timestamptz,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, session_id) REFERENCES sessions (organization_id, id)
);
CREATE INDEX patient_notices_patient ON patient_notices (organization_id, patient_id, created_at DESC);

-- Every schedule change that failed the intensity check and was saved anyway, with its reason.
CREATE TABLE intensity_overrides (
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  episode_id      uuid NOT NULL,
  week_of         date NOT NULL,
  change          text NOT NULL,
  shortfalls      jsonb NOT NULL,
  reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  decided_by      uuid,
  decided_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes (organization_id, id)
);

-- Per-user calendar feed behind a secret URL; only the SHA-256 of the token is stored.
CREATE TABLE calendar_feeds (
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id         uuid NOT NULL,
  token_hash      text NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id)
);
CREATE UNIQUE INDEX calendar_feeds_active ON calendar_feeds (organization_id, user_id) WHERE revoked_at IS NULL;
