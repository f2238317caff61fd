import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy.js';

const GOOD = 'correct-horse-battery'; // 21 characters, many distinct

describe('passwordProblem', () => {
  it('accepts a long, varied password', () => {
    expect(passwordProblem(GOOD)).toBeUndefined();
    expect(passwordProblem(GOOD, 'alice@example.org')).toBeUndefined();
  });

  describe('length', () => {
    it('uses the documented limits of 12 and 256', () => {
      expect(PASSWORD_MIN_LENGTH).toBe(12);
      expect(PASSWORD_MAX_LENGTH).toBe(256);
    });

    it('refuses 11 characters and accepts exactly 12', () => {
      expect(passwordProblem('abcdefghijk')).toMatch(/12/);
      expect(passwordProblem('abcdefghijkl')).toBeUndefined();
    });

    it('refuses the empty password', () => {
      expect(passwordProblem('')).toBeDefined();
    });

    it('accepts exactly 256 characters and refuses 257', () => {
      const base = 'abcd'.repeat(64); // 256
      expect(passwordProblem(base)).toBeUndefined();
      expect(passwordProblem(base + 'e')).toMatch(/256/);
    });

    it('counts an emoji as one character, not two UTF-16 units', () => {
      const four = '😀😁😂🤣'; // 4 code points, 8 UTF-16 units
      expect(passwordProblem(four.repeat(3))).toBeUndefined(); // 12 code points
      expect(passwordProblem(four + four.slice(0, 6))).toBeDefined(); // 7 code points, 14 units
      expect(passwordProblem('😀😁😂🤣ab')).toBeDefined(); // 6 code points, 10 units
    });

    it('allows 256 emoji (512 UTF-16 units) and refuses 257', () => {
      const four = '😀😁😂🤣';
      expect(passwordProblem(four.repeat(64))).toBeUndefined();
      expect(passwordProblem(four.repeat(64) + '😀')).toBeDefined();
    });
  });

  describe('variety', () => {
    it('refuses a single repeated character', () => {
      expect(passwordProblem('a'.repeat(20))).toBeDefined();
    });

    it('refuses three distinct characters and accepts four', () => {
      expect(passwordProblem('abcabcabcabc')).toMatch(/three/);
      expect(passwordProblem('abcdabcdabcd')).toBeUndefined();
    });

    it('counts distinct emoji as distinct characters', () => {
      expect(passwordProblem('😀😁😂'.repeat(4))).toBeDefined();
      expect(passwordProblem('😀😁😂🤣'.repeat(3))).toBeUndefined();
    });
  });

  describe('email name', () => {
    it('refuses a password containing the email local part, ignoring case', () => {
      expect(passwordProblem('my-ALICE-password', 'alice@example.org')).toMatch(/email/);
      expect(passwordProblem('my-alice-password', 'Alice@Example.org')).toMatch(/email/);
      expect(passwordProblem('alice.smith-2026', 'Alice.Smith@clinic.test')).toMatch(/email/);
    });

    it('checks a local part of exactly four characters', () => {
      expect(passwordProblem('my-jane-password', 'jane@example.org')).toBeDefined();
    });

    it('ignores a local part shorter than four characters', () => {
      expect(passwordProblem('my-bob-password', 'bob@example.org')).toBeUndefined();
    });

    it('does not compare against the domain part', () => {
      expect(passwordProblem('example-password-1', 'alice@example.org')).toBeUndefined();
    });

    it('does not refuse a password that only shares part of the local name', () => {
      expect(passwordProblem('alic-e-password', 'alice@example.org')).toBeUndefined();
    });

    it('skips the check when no email is given', () => {
      expect(passwordProblem('alice-password-1')).toBeUndefined();
    });
  });

  describe('properties', () => {
    const char = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABC0123456789!?-_ 😀é'.split(/(?:)/u));

    it('refuses every password under 12 code points', () => {
      fc.assert(
        fc.property(fc.array(char, { maxLength: 11 }), (chars) => {
          expect(passwordProblem(chars.join(''))).toBeDefined();
        }),
      );
    });

    it('accepts every 12–256 code-point password with 4+ distinct characters when no email is given', () => {
      fc.assert(
        fc.property(fc.array(char, { minLength: 12, maxLength: 256 }), (chars) => {
          fc.pre(new Set(chars).size >= 4);
          expect(passwordProblem(chars.join(''))).toBeUndefined();
        }),
      );
    });

    it('refuses any password that embeds a 4+ character email name', () => {
      fc.assert(
        fc.property(
          fc.stringMatching(/^[a-z]{4,12}$/),
          fc.stringMatching(/^[0-9!?]{6,20}$/),
          (name, noise) => {
            const pw = noise.slice(0, 3) + name.toUpperCase() + noise.slice(3);
            fc.pre(Array.from(pw).length >= 12 && new Set(pw).size >= 4);
            expect(passwordProblem(pw, `${name}@example.org`)).toBeDefined();
          },
        ),
      );
    });
  });
});
