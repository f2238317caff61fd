import { Button, Checkbox, Group, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { TreatmentPlanDto } from '../../../contracts/plans.js';
import { useSignedInMe } from '../../app/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { formatWhen } from '../patients/format.js';
import { usePatientSignature } from './plans-api.js';

/** The patient's signature on a signed plan, or the form to record it (or that they declined). */
export function PatientSignaturePanel({ plan }: { plan: TreatmentPlanDto }) {
  const signature = plan.patientSignature;
  if (signature) {
    return signature.declinedReason ? (
      <Text>
        The patient declined to sign: {signature.declinedReason}
        {signature.witness ? ` (recorded by ${signature.witness.name})` : ''}
        {signature.signedAt ? ` on ${formatWhen(signature.signedAt)}` : ''}.
      </Text>
    ) : (
      <Text>
        Signed by the patient as “{signature.name}”
        {signature.signedAt ? ` on ${formatWhen(signature.signedAt)}` : ''}
        {signature.witness ? `, witnessed by ${signature.witness.name}` : ''}.
      </Text>
    );
  }
  return <PatientSignatureForm plan={plan} />;
}

type Kind = 'signed' | 'declined';

function PatientSignatureForm({ plan }: { plan: TreatmentPlanDto }) {
  const me = useSignedInMe();
  const record = usePatientSignature(plan.id);
  const [kind, setKind] = useState<Kind>('signed');
  const [name, setName] = useState('');
  const [agreement, setAgreement] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(record.error);

  const submit = () => {
    const local: Record<string, string> = {};
    if (kind === 'signed') {
      if (!name.trim()) local.name = 'The patient types their full name to sign.';
      if (!agreement) local.agreement = 'The patient confirms they took part and agree.';
    } else if (!reason.trim()) {
      local.reason = 'Say why the patient did not sign.';
    }
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    record.mutate(
      kind === 'signed' ? { kind, name: name.trim(), agreement: true } : { kind, reason: reason.trim() },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message:
              kind === 'signed' ? 'Patient signature recorded.' : 'Recorded that the patient declined.',
          }),
      },
    );
  };

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Patient signature"
        value={kind}
        onChange={(v) => setKind(v)}
        data={[
          { value: 'signed', label: 'Patient signs' },
          { value: 'declined', label: 'Patient declined' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {kind === 'signed' ? (
        <>
          <TextInput
            label="Patient's full name"
            description="The patient types their own full name"
            autoComplete="off"
            value={name}
            error={errors.name ?? server.name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Checkbox
            size="md"
            label="I took part in writing this plan and I agree with it."
            checked={agreement}
            error={errors.agreement ?? server.agreement}
            onChange={(e) => setAgreement(e.currentTarget.checked)}
          />
        </>
      ) : (
        <Textarea
          label="Why the patient did not sign"
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          error={errors.reason ?? server.reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      )}
      <Text size="sm">Witness: {me.user.displayName} (you)</Text>
      <ErrorAlert error={record.error} />
      <Group>
        <Button onClick={submit} loading={record.isPending}>
          {kind === 'signed' ? 'Record patient signature' : 'Record that the patient declined'}
        </Button>
      </Group>
    </Stack>
  );
}
