import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';

const PERIOD_SECONDS = 30;

const totpFor = (secretBase32: string, label: string) =>
  new OTPAuth.TOTP({
    issuer: 'Trellis',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });

export const newTotpSecret = () => new OTPAuth.Secret({ size: 20 }).base32;

export async function totpEnrollment(secretBase32: string, label: string) {
  const otpauthUri = totpFor(secretBase32, label).toString();
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret: secretBase32, otpauthUri, qrSvg };
}

/**
 * Checks a 6-digit code (one step of clock drift either way) and returns its time step, or
 * undefined. A step at or before `lastStep` was already used: refusing it stops replays.
 */
export function checkTotp(
  secretBase32: string,
  code: string,
  now: Date,
  lastStep: number | null,
): number | undefined {
  const delta = totpFor(secretBase32, 'check').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
  if (lastStep !== null && step <= lastStep) return undefined;
  return step;
}
