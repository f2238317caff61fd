export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Returns a reason the password is unacceptable, or undefined when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | undefined {
  // Length in Unicode code points, so an emoji or an accented letter counts once.
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (new Set(password).size < 4) return 'Use more than three different characters.';
  const emailName = email?.toLowerCase().split('@')[0] ?? '';
  if (emailName.length >= 4 && password.toLowerCase().includes(emailName))
    return 'Do not include your email name in the password.';
  return undefined;
}
