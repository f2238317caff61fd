import { useState } from 'react';

/** The attestation checkbox's state and the check before any signature. */
export function useAttestation() {
  const [attested, setAttested] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    attested,
    error,
    set: (value: boolean) => {
      setAttested(value);
      if (value) setError(null);
    },
    /** True when attested; otherwise shows why the signature cannot go ahead. */
    confirm: () => {
      setError(attested ? null : 'Confirm the attestation to sign.');
      return attested;
    },
    reset: () => setAttested(false),
  };
}
