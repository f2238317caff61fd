import { z } from 'zod';
import { ROLES, STAFF_ROLES } from '../domain/identity/roles.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/identity/password-policy.js';

export const RoleSchema = z.enum(ROLES);
export const StaffRoleSchema = z.enum(STAFF_ROLES);

const Email = z
  .email({ error: 'Enter a valid email address.' })
  .max(254)
  .transform((e) => e.trim().toLowerCase());
const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(PASSWORD_MAX_LENGTH);
const TotpCode = z.string().regex(/^\d{6}$/, { error: 'Enter the 6-digit code.' });
const DisplayName = z.string().trim().min(1, { error: 'Enter a name.' }).max(120);

export const LoginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  totp: TotpCode.optional(),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const UserDto = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  status: z.enum(['active', 'deactivated']),
  mfaEnabled: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserDto = z.infer<typeof UserDto>;

export const OrganizationSettings = z.object({
  mfaRequiredForStaff: z.boolean(),
  /** The C-SSRS screener may be used: only with the licence for electronic use. */
  cssrsEnabled: z.boolean(),
  /** Minutes an unacknowledged safety alert waits before it escalates to the program director. */
  safetyEscalationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  /** The licensed clinician on call who receives safety-alert tasks; null: any clinician. */
  onCallClinicianUserId: z.uuid().nullable(),
  /** A note signed more than this many hours after its session ended is marked late entry. */
  lateEntryHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  /** The notice that accompanies every disclosure of 42 CFR Part 2 records (exports, prints). */
  part2Notice: z.string().trim().min(50).max(4000),
  /** Measurement-based-care thresholds (defaults: clinical-facts §2.2). */
  outcomeThresholds: z.object({
    /** Response: a drop of at least this percentage of the baseline total. */
    responseDropPercent: z.number().int().min(10).max(90),
    /** Not on track: this many weeks after baseline without reliable improvement. */
    notOnTrackAfterWeeks: z.number().int().min(1).max(26),
    /** Remission: the latest total below these. */
    phq9RemissionBelow: z.number().int().min(1).max(27),
    gad7RemissionBelow: z.number().int().min(1).max(21),
    /** Reliable change: at least this many points either way. */
    phq9ReliableChange: z.number().int().min(1).max(27),
    gad7ReliableChange: z.number().int().min(1).max(21),
  }),
});
export type OrganizationSettings = z.infer<typeof OrganizationSettings>;

export const OrganizationDto = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The organization's home IANA time zone: the clinic-local day for organization-wide views. */
  timeZone: z.string(),
  settings: OrganizationSettings,
});
export type OrganizationDto = z.infer<typeof OrganizationDto>;

export const MeDto = z.object({
  user: UserDto,
  organization: OrganizationDto,
  roles: z.array(RoleSchema),
  /** Send this value in the X-CSRF-Token header on every state-changing request. */
  csrfToken: z.string(),
  /** True while the organization requires MFA and this user has not enrolled: only enrollment is allowed. */
  mfaEnrollmentRequired: z.boolean(),
  session: z.object({ idleExpiresAt: z.iso.datetime(), absoluteExpiresAt: z.iso.datetime() }),
});
export type MeDto = z.infer<typeof MeDto>;

export const TotpSetupDto = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string().describe('SVG image of the otpauth URI as a QR code'),
});
export type TotpSetupDto = z.infer<typeof TotpSetupDto>;

export const TotpVerifyBody = z.object({ code: TotpCode });
export const TotpDisableBody = z.object({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: NewPassword,
});

export const CreateUserBody = z.object({
  email: Email,
  displayName: DisplayName,
  roles: z.array(StaffRoleSchema).min(1, { error: 'Choose at least one role.' }),
  password: NewPassword,
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z
  .object({
    email: Email.optional(),
    displayName: DisplayName.optional(),
    roles: z.array(StaffRoleSchema).min(1, { error: 'Choose at least one role.' }).optional(),
    password: NewPassword.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { error: 'Change at least one field.' });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const ListUsersQuery = z.object({
  q: z.string().trim().max(120).optional(),
  role: RoleSchema.optional(),
  status: z.enum(['active', 'deactivated']).optional(),
});

export const UpdateOrganizationBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    settings: OrganizationSettings.partial().optional(),
  })
  .strict();
