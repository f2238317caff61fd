-- Foundation: organizations, locations, rooms, users, login sessions, the audit log.
-- Tenant tables key on (organization_id, id): organization_id is the tenant scope of every
-- query and the distribution key for scale-out; composite foreign keys keep rows of one
-- organization from pointing at another's.

-- Security labels of clinical records (src/domain/security-labels.ts). Every table of clinical
-- records carries: sensitivity text[] NOT NULL DEFAULT '{}' CHECK (valid_security_labels(sensitivity))
CREATE FUNCTION valid_security_labels(labels text[]) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT
  RETURN labels <@ ARRAY['part2', 'sud_counseling_note', 'psychotherapy_note']::text[];

CREATE TABLE organizations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  time_zone   text NOT NULL,
  settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE locations (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  time_zone       text NOT NULL,
  address         text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id)
);
CREATE UNIQUE INDEX locations_name ON locations (organization_id, lower(name));

CREATE TABLE rooms (
  organization_id uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  location_id     uuid NOT NULL,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  capacity        integer NOT NULL CHECK (capacity > 0),
  telehealth      boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, location_id) REFERENCES locations (organization_id, id)
);
CREATE UNIQUE INDEX rooms_name ON rooms (organization_id, location_id, lower(name));

CREATE TABLE users (
  organization_id     uuid NOT NULL REFERENCES organizations (id),
  id                  uuid NOT NULL DEFAULT gen_random_uuid(),
  email               text NOT NULL CHECK (email = lower(email)),
  display_name        text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  password_hash       text NOT NULL,
  roles               text[] NOT NULL CHECK (
    cardinality(roles) > 0 AND roles <@ ARRAY['admin','program_director','clinician','prescriber','intake','biller','front_desk','patient']
  ),
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated')),
  failed_login_count  integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  last_login_at       timestamptz,
  totp_secret         text,
  totp_pending_secret text,
  totp_last_step      bigint,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  deactivated_at      timestamptz,
  PRIMARY KEY (organization_id, id)
);
-- Sign-in is by email alone, so an email belongs to one user across all organizations.
CREATE UNIQUE INDEX users_email ON users (email);

-- Login sessions ("auth sessions", not clinical sessions). The id is a SHA-256 of the cookie token.
CREATE TABLE auth_sessions (
  id              text PRIMARY KEY,
  organization_id uuid NOT NULL,
  user_id         uuid NOT NULL,
  csrf_token      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  last_seen_at    timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  revoked_at      timestamptz,
  ip              text,
  user_agent      text,
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id)
);
CREATE INDEX auth_sessions_user ON auth_sessions (organization_id, user_id) WHERE revoked_at IS NULL;

-- The audit log: append-only, each row hashed over its content and the previous row's hash.
-- Each organization has its own chain (chain_key = organization id; 'system' for events that
-- belong to no organization, such as a failed login for an unknown email).
CREATE TABLE audit_events (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chain_key      text NOT NULL,
  chain_seq      bigint NOT NULL,
  organization_id uuid,
  occurred_at    timestamptz NOT NULL,
  actor_user_id  uuid,
  actor_roles    text[] NOT NULL DEFAULT '{}',
  action         text NOT NULL CHECK (action IN ('read','create','update','delete','login','logout','failed_login','export')),
  resource_type  text NOT NULL,
  resource_id    text,
  patient_id     uuid,
  ip             text,
  outcome        text NOT NULL CHECK (outcome IN ('success','failure','denied')),
  details        jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash      text NOT NULL,
  hash           text NOT NULL,
  UNIQUE (chain_key, chain_seq)
);
CREATE INDEX audit_events_org_time ON audit_events (organization_id, occurred_at DESC, chain_seq DESC);
CREATE INDEX audit_events_org_patient ON audit_events (organization_id, patient_id, occurred_at DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_events_org_actor ON audit_events (organization_id, actor_user_id, occurred_at DESC);

-- The last link of each chain: locked while appending, so appends to one chain are serial, and
-- compared by verification, so deleting the newest rows is detected too.
CREATE TABLE audit_chain_heads (
  chain_key text PRIMARY KEY,
  last_seq  bigint NOT NULL,
  last_hash text NOT NULL
);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
