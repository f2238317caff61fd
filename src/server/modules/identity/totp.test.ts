import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { checkTotp, newTotpSecret, totpEnrollment } from './totp.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PERIOD_MS = 30_000;
// 15 s into a step, so ±1 step is unambiguous.
const NOW = new Date(Date.UTC(2026, 4, 14, 9, 0, 15));
const STEP = Math.floor(NOW.getTime() / PERIOD_MS);

/** The code an authenticator app shows at `timestamp`, computed independently of the module. */
const codeAt = (timestamp: number, secret = SECRET) =>
  new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate({
    timestamp,
  });
const codeForStep = (offset: number) => codeAt(NOW.getTime() + offset * PERIOD_MS);

describe('checkTotp', () => {
  it('uses codes that differ from step to step (sanity check of the fixtures)', () => {
    const codes = [-2, -1, 0, 1, 2].map(codeForStep);
    expect(new Set(codes).size).toBe(5);
  });

  it('accepts the current code and returns its time step', () => {
    expect(checkTotp(SECRET, codeForStep(0), NOW, null)).toBe(STEP);
  });

  it('accepts the code from one step ago (clock drift)', () => {
    expect(checkTotp(SECRET, codeForStep(-1), NOW, null)).toBe(STEP - 1);
  });

  it('accepts the code from one step ahead (clock drift)', () => {
    expect(checkTotp(SECRET, codeForStep(1), NOW, null)).toBe(STEP + 1);
  });

  it('refuses a code two steps old or two steps ahead', () => {
    expect(checkTotp(SECRET, codeForStep(-2), NOW, null)).toBeUndefined();
    expect(checkTotp(SECRET, codeForStep(2), NOW, null)).toBeUndefined();
  });

  it('accepts at the first and last millisecond of a step', () => {
    const start = new Date(STEP * PERIOD_MS);
    const end = new Date(STEP * PERIOD_MS + PERIOD_MS - 1);
    expect(checkTotp(SECRET, codeAt(start.getTime()), start, null)).toBe(STEP);
    expect(checkTotp(SECRET, codeAt(end.getTime()), end, null)).toBe(STEP);
  });

  it('refuses a code for a different secret', () => {
    const other = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
    expect(checkTotp(SECRET, codeAt(NOW.getTime(), other), NOW, null)).toBeUndefined();
  });

  describe('replay', () => {
    it('refuses the same code once its step has been used', () => {
      const step = checkTotp(SECRET, codeForStep(0), NOW, null);
      expect(step).toBe(STEP);
      expect(checkTotp(SECRET, codeForStep(0), NOW, step ?? null)).toBeUndefined();
    });

    it('refuses an older code after a newer step was used', () => {
      expect(checkTotp(SECRET, codeForStep(-1), NOW, STEP)).toBeUndefined();
      expect(checkTotp(SECRET, codeForStep(0), NOW, STEP + 1)).toBeUndefined();
    });

    it('accepts a code for a step after the last used one', () => {
      expect(checkTotp(SECRET, codeForStep(0), NOW, STEP - 1)).toBe(STEP);
      expect(checkTotp(SECRET, codeForStep(1), NOW, STEP)).toBe(STEP + 1);
    });
  });

  it.each(['', '12345', '1234567', 'abcdef', '12 345', '      ', '0000000000'])(
    'refuses garbage %j',
    (code) => {
      expect(checkTotp(SECRET, code, NOW, null)).toBeUndefined();
    },
  );

  it('refuses the right digits with extra characters around them', () => {
    const code = codeForStep(0);
    expect(checkTotp(SECRET, ` ${code}`, NOW, null)).toBeUndefined();
    expect(checkTotp(SECRET, `${code}0`, NOW, null)).toBeUndefined();
  });
});

describe('newTotpSecret', () => {
  it('makes a 160-bit base32 secret, different each time', () => {
    const a = newTotpSecret();
    const b = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(OTPAuth.Secret.fromBase32(a).bytes.length).toBe(20);
    expect(a).not.toBe(b);
  });

  it('makes a secret that checkTotp accepts codes for', () => {
    const secret = newTotpSecret();
    expect(checkTotp(secret, codeAt(NOW.getTime(), secret), NOW, null)).toBe(STEP);
  });
});

describe('totpEnrollment', () => {
  it('returns an otpauth URI naming Trellis as issuer and the account label', async () => {
    const { secret, otpauthUri } = await totpEnrollment(SECRET, 'alice@clinic.test');
    expect(secret).toBe(SECRET);
    const url = new URL(otpauthUri);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/Trellis:alice@clinic.test');
    expect(url.searchParams.get('issuer')).toBe('Trellis');
    expect(url.searchParams.get('secret')).toBe(SECRET);
    // Authenticator apps assume SHA1 / 6 / 30 when these are absent.
    expect(url.searchParams.get('algorithm') ?? 'SHA1').toBe('SHA1');
    expect(url.searchParams.get('digits') ?? '6').toBe('6');
    expect(url.searchParams.get('period') ?? '30').toBe('30');
  });

  it('returns a URI an authenticator app turns into the codes checkTotp accepts', async () => {
    const { otpauthUri } = await totpEnrollment(SECRET, 'alice@clinic.test');
    const app = OTPAuth.URI.parse(otpauthUri);
    expect(checkTotp(SECRET, app.generate({ timestamp: NOW.getTime() }), NOW, null)).toBe(STEP);
  });

  it('returns the QR code as an SVG document', async () => {
    const { qrSvg } = await totpEnrollment(SECRET, 'alice@clinic.test');
    expect(qrSvg).toMatch(/^<svg[\s>]/);
    expect(qrSvg.trimEnd()).toMatch(/<\/svg>$/);
  });
});
