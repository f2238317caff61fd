-- Reference data shared by every organization (no patient data): diagnosis codes loaded from an
-- official code file (`trellis codes import-icd10cm`), searched together with the codes Trellis ships.
CREATE TABLE diagnosis_codes (
  system       text NOT NULL,
  code         text NOT NULL,
  display      text NOT NULL CHECK (length(display) BETWEEN 1 AND 400),
  source       text NOT NULL,
  imported_at  timestamptz NOT NULL,
  PRIMARY KEY (system, code)
);
