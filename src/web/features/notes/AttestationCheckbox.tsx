import { Checkbox } from '@mantine/core';

/** What the signer attests; the server stores the same sentence with every signature. */
export const ATTESTATION_TEXT =
  'I attest that this note is accurate and complete and documents the service I provided.';

interface AttestationCheckboxProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | null;
}

/** The attestation a signature needs, confirmed by the signer each time. */
export function AttestationCheckbox({ checked, onChange, error }: AttestationCheckboxProps) {
  return (
    <Checkbox
      size="md"
      label={ATTESTATION_TEXT}
      checked={checked}
      error={error}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}
