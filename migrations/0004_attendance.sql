-- Attendance: one ledger row per patient per session (status and minutes credited), the ledger
-- that weekly hours, notes and claims read; and every change made to a row after the fact.

CREATE TABLE attendance (
  organization_id    uuid NOT NULL,
  session_id         uuid NOT NULL,
  patient_id         uuid NOT NULL,
  episode_id         uuid,
  status             text NOT NULL CHECK (status IN ('present', 'late', 'left_early', 'late_and_left_early',
                       'absent_excused', 'absent_unexcused')),
  late_minutes       integer NOT NULL DEFAULT 0 CHECK (late_minutes >= 0),
  left_early_minutes integer NOT NULL DEFAULT 0 CHECK (left_early_minutes >= 0),
  telehealth         boolean NOT NULL DEFAULT false,
  absence_reason     text CHECK (length(absence_reason) <= 500),
  minutes            integer NOT NULL CHECK (minutes >= 0),
  -- Copied from the session so weekly hours read one index, not a join.
  starts_at          timestamptz NOT NULL,
  checked_in_at      timestamptz,
  recorded_by        uuid,
  recorded_at        timestamptz NOT NULL DEFAULT now(),
  -- Set when a claim uses the row; a locked row never changes.
  locked_at          timestamptz,
  PRIMARY KEY (organization_id, session_id, patient_id),
  FOREIGN KEY (organization_id, session_id, patient_id)
    REFERENCES session_participants (organization_id, session_id, patient_id),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes (organization_id, id),
  CHECK (status IN ('absent_excused', 'absent_unexcused') OR absence_reason IS NULL),
  CHECK (status NOT IN ('absent_excused', 'absent_unexcused') OR minutes = 0)
);
CREATE INDEX attendance_patient_time ON attendance (organization_id, patient_id, starts_at)
  INCLUDE (minutes, status);

CREATE TABLE attendance_changes (
  organization_id uuid NOT NULL,
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  session_id      uuid NOT NULL,
  patient_id      uuid NOT NULL,
  before          jsonb,
  after           jsonb NOT NULL,
  reason          text CHECK (length(reason) <= 500),
  changed_by      uuid,
  changed_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, seq),
  FOREIGN KEY (organization_id, session_id, patient_id)
    REFERENCES attendance (organization_id, session_id, patient_id)
);
CREATE INDEX attendance_changes_row ON attendance_changes (organization_id, session_id, patient_id, seq);

-- An unexcused absence opens an outreach task (urgent, for the on-call clinician, when the
-- patient has an open safety alert or high suicide risk); call attempts are kept with it.
ALTER TABLE tasks DROP CONSTRAINT tasks_kind_check;
ALTER TABLE tasks ADD CONSTRAINT tasks_kind_check
  CHECK (kind IN ('safety_alert_follow_up', 'safety_alert_escalation', 'outreach', 'urgent_outreach'));
ALTER TABLE tasks ADD COLUMN session_id uuid;
ALTER TABLE tasks ADD FOREIGN KEY (organization_id, session_id) REFERENCES sessions (organization_id, id);
CREATE UNIQUE INDEX tasks_outreach_once ON tasks (organization_id, session_id, patient_id)
  WHERE kind IN ('outreach', 'urgent_outreach');

CREATE TABLE task_attempts (
  organization_id uuid NOT NULL,
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  task_id         uuid NOT NULL,
  outcome         text NOT NULL CHECK (outcome IN ('reached', 'left_message', 'no_answer', 'wrong_number',
                    'declined')),
  note            text CHECK (length(note) <= 1000),
  attempted_by    uuid,
  attempted_at    timestamptz NOT NULL,
  PRIMARY KEY (organization_id, seq),
  FOREIGN KEY (organization_id, task_id) REFERENCES tasks (organization_id, id)
);

-- Two consecutive unexcused absences mark the episode at engagement risk until the patient attends.
ALTER TABLE episodes ADD COLUMN engagement_risk boolean NOT NULL DEFAULT false;
