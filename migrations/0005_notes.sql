-- Clinical documentation: the shared part of a group note, one note per patient per session
-- (group member, individual, family, medication management, intake), addenda after signing,
-- and the patient's medication list kept from signed medication-management notes.

CREATE TABLE group_notes (
  organization_id uuid NOT NULL,
  session_id      uuid NOT NULL,
  -- topic, interventions, process: written once, never names a member.
  body            jsonb NOT NULL DEFAULT '{}'::jsonb,
  author_id       uuid NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, session_id),
  FOREIGN KEY (organization_id, session_id) REFERENCES sessions (organization_id, id),
  FOREIGN KEY (organization_id, author_id) REFERENCES users (organization_id, id)
);

CREATE TABLE notes (
  organization_id  uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id       uuid NOT NULL,
  session_id       uuid NOT NULL,
  episode_id       uuid,
  kind             text NOT NULL CHECK (kind IN ('group_member', 'individual', 'family',
                     'medication_management', 'intake_assessment')),
  template         text NOT NULL CHECK (template IN ('group', 'dap', 'soap', 'birp', 'girp', 'medication')),
  -- Section texts by key; for a group member, the member's own part (the shared part is in group_notes
  -- until signing, when it is copied into `signed_content`).
  body             jsonb NOT NULL DEFAULT '{}'::jsonb,
  risk             text CHECK (risk IN ('none', 'concern')),
  risk_detail      text CHECK (length(risk_detail) <= 2000),
  -- Family and couples sessions: who attended besides the patient.
  attendees        jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Medication management: changes (start, stop, dose change, continue) and optional vitals.
  medication       jsonb,
  -- Searchable text of the note (sections in order), kept with the body.
  content_text     text NOT NULL DEFAULT '',
  session_starts_at timestamptz NOT NULL,
  author_id        uuid NOT NULL,
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'pending_cosign', 'signed')),
  -- Filled at signing and never changed after: header, sections and what was attested.
  signed_content   jsonb,
  content_sha256   text CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  service_code     text,
  signed_by        uuid,
  signed_at        timestamptz,
  late_entry       boolean NOT NULL DEFAULT false,
  cosigner_id      uuid,
  cosigned_at      timestamptz,
  sensitivity      text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity)),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, session_id, patient_id),
  FOREIGN KEY (organization_id, session_id, patient_id)
    REFERENCES session_participants (organization_id, session_id, patient_id),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes (organization_id, id),
  FOREIGN KEY (organization_id, author_id) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, signed_by) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, cosigner_id) REFERENCES users (organization_id, id),
  CHECK ((status = 'draft') = (signed_at IS NULL)),
  CHECK (status = 'draft' OR (signed_content IS NOT NULL AND content_sha256 IS NOT NULL)),
  CHECK (status <> 'pending_cosign' OR cosigner_id IS NOT NULL)
);
CREATE INDEX notes_patient_time ON notes (organization_id, patient_id, session_starts_at DESC);
CREATE INDEX notes_unsigned ON notes (organization_id, author_id) WHERE status = 'draft';
CREATE INDEX notes_cosign ON notes (organization_id, cosigner_id) WHERE status = 'pending_cosign';

-- A signed note never changes; what was learned later is added, with who, when and why.
CREATE TABLE note_addenda (
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  note_id         uuid NOT NULL,
  author_id       uuid NOT NULL,
  reason          text NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
  text            text NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
  content_sha256  text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, note_id) REFERENCES notes (organization_id, id),
  FOREIGN KEY (organization_id, author_id) REFERENCES users (organization_id, id)
);
CREATE INDEX note_addenda_note ON note_addenda (organization_id, note_id, created_at);

-- The patient's medication list, kept from signed medication-management notes.
CREATE TABLE medications (
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id      uuid NOT NULL,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  dose            text CHECK (length(dose) <= 100),
  route           text CHECK (length(route) <= 60),
  frequency       text CHECK (length(frequency) <= 100),
  since           date NOT NULL,
  stopped_on      date CHECK (stopped_on >= since),
  source_note_id  uuid NOT NULL,
  sensitivity     text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity)),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, source_note_id) REFERENCES notes (organization_id, id)
);
-- One active row per medication name per patient.
CREATE UNIQUE INDEX medications_active ON medications (organization_id, patient_id, lower(name))
  WHERE stopped_on IS NULL;

-- Each change a signed medication-management note made, for the chart's timeline.
CREATE TABLE medication_changes (
  organization_id uuid NOT NULL,
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  patient_id      uuid NOT NULL,
  note_id         uuid NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('start', 'stop', 'dose_change', 'continue')),
  name            text NOT NULL,
  dose            text,
  reason          text,
  changed_on      date NOT NULL,
  sensitivity     text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity)),
  PRIMARY KEY (organization_id, seq),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, note_id) REFERENCES notes (organization_id, id)
);
CREATE INDEX medication_changes_patient ON medication_changes (organization_id, patient_id, changed_on);

-- A risk concern noted in a signed note opens a safety alert, like a positive screening item.
ALTER TABLE safety_alerts ADD COLUMN note_id uuid;
ALTER TABLE safety_alerts ADD FOREIGN KEY (organization_id, note_id) REFERENCES notes (organization_id, id);
