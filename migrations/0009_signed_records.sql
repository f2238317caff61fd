-- Defence in depth under the services' checks: once a note or a treatment-plan version is signed
-- (or awaits co-signature), its content, signature and hash never change and the row is never
-- deleted. Co-signing, superseding a plan and the patient's signature still update their own columns.

CREATE FUNCTION signed_record_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% %: a signed record does not change', TG_TABLE_NAME, OLD.id
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER notes_signed_unchanged BEFORE UPDATE ON notes
  FOR EACH ROW
  WHEN (OLD.status <> 'draft' AND (
    NEW.patient_id, NEW.session_id, NEW.kind, NEW.template, NEW.body, NEW.risk, NEW.risk_detail,
    NEW.attendees, NEW.medication, NEW.goal_ids, NEW.content_text, NEW.author_id, NEW.signed_content,
    NEW.content_sha256, NEW.service_code, NEW.signed_by, NEW.signed_at, NEW.late_entry, NEW.cosigner_id,
    NEW.sensitivity
  ) IS DISTINCT FROM (
    OLD.patient_id, OLD.session_id, OLD.kind, OLD.template, OLD.body, OLD.risk, OLD.risk_detail,
    OLD.attendees, OLD.medication, OLD.goal_ids, OLD.content_text, OLD.author_id, OLD.signed_content,
    OLD.content_sha256, OLD.service_code, OLD.signed_by, OLD.signed_at, OLD.late_entry, OLD.cosigner_id,
    OLD.sensitivity
  ))
  EXECUTE FUNCTION signed_record_unchanged();
CREATE TRIGGER notes_signed_kept BEFORE DELETE ON notes
  FOR EACH ROW WHEN (OLD.status <> 'draft') EXECUTE FUNCTION signed_record_unchanged();

CREATE TRIGGER treatment_plans_signed_unchanged BEFORE UPDATE ON treatment_plans
  FOR EACH ROW
  WHEN (OLD.status <> 'draft' AND (
    NEW.episode_id, NEW.patient_id, NEW.version, NEW.previous_id, NEW.content, NEW.review,
    NEW.payer_review_interval_days, NEW.author_id, NEW.signed_by, NEW.signed_at, NEW.signed_content,
    NEW.content_sha256, NEW.cosigner_id, NEW.effective_on, NEW.review_due_on, NEW.sensitivity
  ) IS DISTINCT FROM (
    OLD.episode_id, OLD.patient_id, OLD.version, OLD.previous_id, OLD.content, OLD.review,
    OLD.payer_review_interval_days, OLD.author_id, OLD.signed_by, OLD.signed_at, OLD.signed_content,
    OLD.content_sha256, OLD.cosigner_id, OLD.effective_on, OLD.review_due_on, OLD.sensitivity
  ))
  EXECUTE FUNCTION signed_record_unchanged();
CREATE TRIGGER treatment_plans_signed_kept BEFORE DELETE ON treatment_plans
  FOR EACH ROW WHEN (OLD.status <> 'draft') EXECUTE FUNCTION signed_record_unchanged();
