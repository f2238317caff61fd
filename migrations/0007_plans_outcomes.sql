-- Treatment plans (versioned per episode, signed by the clinician and the patient), the program's
-- measurement schedule, kiosk hand-offs for patient-completed measures, and safety plans.

-- Which measures a program gives, how often (MeasurementRule[] with optional trackIds), and the
-- program's plan-review interval in days (null = the default, 30).
ALTER TABLE programs ADD COLUMN measurement_schedule jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE programs ADD COLUMN plan_review_interval_days integer
  CHECK (plan_review_interval_days BETWEEN 1 AND 365);

-- One row per version. A review makes a new version (with `review`: progress per objective and the
-- changes); signing it supersedes the one before. Only the latest draft is editable.
CREATE TABLE treatment_plans (
  organization_id            uuid NOT NULL,
  id                         uuid NOT NULL DEFAULT gen_random_uuid(),
  episode_id                 uuid NOT NULL,
  patient_id                 uuid NOT NULL,
  version                    integer NOT NULL CHECK (version >= 1),
  previous_id                uuid,
  status                     text NOT NULL DEFAULT 'draft'
                               CHECK (status IN ('draft', 'pending_cosign', 'signed', 'superseded')),
  content                    jsonb NOT NULL,
  review                     jsonb,
  -- The payer's review interval when stricter than the program's (from the authorization).
  payer_review_interval_days integer CHECK (payer_review_interval_days BETWEEN 1 AND 365),
  author_id                  uuid NOT NULL,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  signed_by                  uuid,
  signed_at                  timestamptz,
  signed_content             jsonb,
  content_sha256             text,
  cosigner_id                uuid,
  cosigned_at                timestamptz,
  effective_on               date,
  review_due_on              date,
  patient_signed_at          timestamptz,
  patient_signature_name     text CHECK (length(patient_signature_name) BETWEEN 1 AND 200),
  patient_signature_witness  uuid,
  patient_declined_reason    text CHECK (length(patient_declined_reason) BETWEEN 1 AND 1000),
  sensitivity                text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity)),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, episode_id, version),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, previous_id) REFERENCES treatment_plans (organization_id, id),
  FOREIGN KEY (organization_id, author_id) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, signed_by) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, cosigner_id) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, patient_signature_witness) REFERENCES users (organization_id, id),
  CHECK (status = 'draft' OR (signed_at IS NOT NULL AND content_sha256 IS NOT NULL AND effective_on IS NOT NULL)),
  CHECK (patient_signed_at IS NULL OR patient_declined_reason IS NULL)
);
-- At most one version being written per episode.
CREATE UNIQUE INDEX treatment_plans_one_draft ON treatment_plans (organization_id, episode_id)
  WHERE status IN ('draft', 'pending_cosign');
CREATE INDEX treatment_plans_patient ON treatment_plans (organization_id, patient_id, version DESC);
CREATE INDEX treatment_plans_due ON treatment_plans (organization_id, review_due_on) WHERE status = 'signed';

-- Notes say which plan goals they worked on (goal ids are stable across plan versions).
ALTER TABLE notes ADD COLUMN goal_ids text[] NOT NULL DEFAULT '{}';

-- Measures by program and date: the program outcome summary reads every score in a window.
CREATE INDEX administrations_instrument ON administrations (organization_id, instrument_id, administered_at);

-- A tablet handed to a patient to complete their due measures before group. Only the SHA-256 of
-- the one-time code is kept; the hand-off expires and closes when the patient finishes.
CREATE TABLE kiosk_handoffs (
  organization_id  uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id       uuid NOT NULL,
  code_sha256      text NOT NULL UNIQUE,
  instruments      text[] NOT NULL CHECK (cardinality(instruments) BETWEEN 1 AND 10),
  completed        text[] NOT NULL DEFAULT '{}',
  created_by       uuid NOT NULL,
  created_at       timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL,
  closed_at        timestamptz,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, created_by) REFERENCES users (organization_id, id)
);

-- A patient's safety plan: every save is a new version; the latest is the plan.
CREATE TABLE safety_plans (
  organization_id  uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id       uuid NOT NULL,
  version          integer NOT NULL CHECK (version >= 1),
  content          jsonb NOT NULL,
  reason           text NOT NULL CHECK (reason IN ('initial', 'risk_change', 'routine', 'patient_request')),
  safety_alert_id  uuid,
  author_id        uuid NOT NULL,
  created_at       timestamptz NOT NULL,
  sensitivity      text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity)),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, patient_id, version),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, safety_alert_id) REFERENCES safety_alerts (organization_id, id),
  FOREIGN KEY (organization_id, author_id) REFERENCES users (organization_id, id)
);
