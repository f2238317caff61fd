-- Intake: patients, referrals and their pipeline, instrument administrations, safety alerts and
-- tasks, level-of-care decisions. Tenant tables key on (organization_id, id) as in 0001.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Immutable wrapper so a trigram index can cover the searchable name.
CREATE FUNCTION patient_search_name(given text, family text, preferred text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(coalesce(given, '') || ' ' || coalesce(family, '') || ' ' || coalesce(preferred, ''));

-- Medical record numbers are sequential per organization.
CREATE TABLE mrn_counters (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id),
  last_value      bigint NOT NULL
);

CREATE TABLE patients (
  organization_id        uuid NOT NULL REFERENCES organizations (id),
  id                     uuid NOT NULL DEFAULT gen_random_uuid(),
  mrn                    text NOT NULL,
  given_name             text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  family_name            text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  preferred_name         text,
  pronouns               text,
  date_of_birth          date,
  sex_assigned_at_birth  text CHECK (sex_assigned_at_birth IN ('female', 'male', 'intersex', 'unknown', 'declined')),
  gender_identity        text,
  phone                  text,
  email                  text,
  address                jsonb,
  preferred_language     text,
  emergency_contact      jsonb,
  sensitivity            text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity)),
  created_by             uuid,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, mrn)
);
CREATE INDEX patients_name_trgm ON patients
  USING gin (patient_search_name(given_name, family_name, preferred_name) gin_trgm_ops);
CREATE INDEX patients_dob ON patients (organization_id, date_of_birth);

CREATE TABLE referrals (
  organization_id      uuid NOT NULL,
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id           uuid NOT NULL,
  source               text NOT NULL CHECK (source IN ('inpatient_unit', 'residential_program', 'emergency_department',
                         'outpatient_therapist', 'primary_care', 'self', 'family', 'court', 'employee_assistance')),
  referrer_name        text,
  referrer_organization text,
  referrer_phone       text,
  referrer_email       text,
  reason               text NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
  urgency              text NOT NULL CHECK (urgency IN ('routine', 'urgent', 'emergent')),
  consent_to_contact   boolean NOT NULL,
  status               text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'screening', 'assessed',
                         'accepted', 'declined', 'referred_elsewhere', 'admitted')),
  status_changed_at    timestamptz NOT NULL DEFAULT now(),
  closed_reason        text,
  destination          text,
  sensitivity          text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity)),
  created_by           uuid,
  created_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id)
);
CREATE INDEX referrals_board ON referrals (organization_id, status, status_changed_at);
CREATE INDEX referrals_patient ON referrals (organization_id, patient_id);

-- Who moved a referral to which stage, when, and why.
CREATE TABLE referral_events (
  seq             bigint GENERATED ALWAYS AS IDENTITY, -- order among rows of the same instant
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  referral_id     uuid NOT NULL,
  from_status     text,
  to_status       text NOT NULL,
  reason          text,
  destination     text,
  changed_by      uuid,
  changed_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, referral_id) REFERENCES referrals (organization_id, id)
);
CREATE INDEX referral_events_referral ON referral_events (organization_id, referral_id, changed_at);

CREATE TABLE referral_notes (
  seq             bigint GENERATED ALWAYS AS IDENTITY, -- order among rows of the same instant
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  referral_id     uuid NOT NULL,
  body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
  author_id       uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sensitivity     text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity)),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, referral_id) REFERENCES referrals (organization_id, id)
);

-- One completed instrument: every raw answer is kept so scores can be recomputed.
CREATE TABLE administrations (
  organization_id  uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id       uuid NOT NULL,
  referral_id      uuid,
  instrument_id    text NOT NULL,
  answers          jsonb NOT NULL,
  sex              text,
  total            integer,
  severity         text,
  positive         boolean NOT NULL,
  flags            text[] NOT NULL DEFAULT '{}',
  extra            jsonb NOT NULL DEFAULT '{}'::jsonb,
  method           text NOT NULL CHECK (method IN ('staff_entered', 'self_report', 'kiosk')),
  administered_by  uuid,
  administered_at  timestamptz NOT NULL,
  sensitivity      text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity)),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, referral_id) REFERENCES referrals (organization_id, id)
);
CREATE INDEX administrations_patient ON administrations (organization_id, patient_id, administered_at DESC);

-- A positive suicide-risk result that a licensed clinician must acknowledge with a risk assessment.
CREATE TABLE safety_alerts (
  organization_id    uuid NOT NULL,
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id         uuid NOT NULL,
  administration_id  uuid,
  acuity             text NOT NULL CHECK (acuity IN ('non_acute', 'acute')),
  reason             text NOT NULL,
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged')),
  created_at         timestamptz NOT NULL,
  escalate_at        timestamptz NOT NULL,
  escalated_at       timestamptz,
  acknowledged_by    uuid,
  acknowledged_at    timestamptz,
  risk_level         text CHECK (risk_level IN ('low', 'moderate', 'high', 'imminent')),
  risk_assessment    text,
  action_plan        text,
  sensitivity        text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity)),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, administration_id) REFERENCES administrations (organization_id, id)
);
CREATE INDEX safety_alerts_open ON safety_alerts (organization_id, status, escalate_at);
CREATE INDEX safety_alerts_patient ON safety_alerts (organization_id, patient_id, created_at DESC);

-- Work items for a person or a role.
CREATE TABLE tasks (
  organization_id  uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  kind             text NOT NULL CHECK (kind IN ('safety_alert_follow_up', 'safety_alert_escalation')),
  patient_id       uuid,
  safety_alert_id  uuid,
  assignee_user_id uuid,
  assignee_role    text,
  title            text NOT NULL,
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  due_at           timestamptz,
  created_at       timestamptz NOT NULL,
  completed_at     timestamptz,
  completed_by     uuid,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, safety_alert_id) REFERENCES safety_alerts (organization_id, id)
);
CREATE INDEX tasks_open ON tasks (organization_id, status, assignee_user_id);

-- The rule set's recommendation, its inputs and version, and the clinician's final choice.
CREATE TABLE level_of_care_decisions (
  seq             bigint GENERATED ALWAYS AS IDENTITY, -- order among rows of the same instant
  organization_id        uuid NOT NULL,
  id                     uuid NOT NULL DEFAULT gen_random_uuid(),
  referral_id            uuid NOT NULL,
  patient_id             uuid NOT NULL,
  assessment             jsonb NOT NULL,
  recommended_level      text NOT NULL,
  crisis                 boolean NOT NULL,
  reasons                jsonb NOT NULL,
  ruleset_version        text NOT NULL,
  chosen_level           text NOT NULL CHECK (chosen_level IN ('inpatient', 'residential', 'php', 'iop', 'outpatient')),
  override_justification text,
  asam                   jsonb,
  decided_by             uuid NOT NULL,
  decided_at             timestamptz NOT NULL,
  sensitivity            text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity)),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, referral_id) REFERENCES referrals (organization_id, id),
  CHECK (chosen_level = recommended_level OR length(override_justification) > 0)
);
CREATE INDEX level_of_care_decisions_referral ON level_of_care_decisions (organization_id, referral_id, decided_at DESC);
