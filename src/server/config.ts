import { z } from 'zod';

const Bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const Minutes = z.coerce
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 60);

/** The environment, read once at start-up and passed down. Nothing else reads process.env. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).optional(),
  TRELLIS_DATA_DIR: z.string().default('./data'),
  TRELLIS_DEMO: Bool.optional(),
  TRELLIS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRELLIS_SESSION_IDLE_MINUTES: Minutes.default(15),
  TRELLIS_SESSION_ABSOLUTE_MINUTES: Minutes.default(12 * 60),
  TRELLIS_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  TRELLIS_LOCKOUT_MINUTES: Minutes.default(15),
  TRELLIS_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(30),
  TRELLIS_TRUST_PROXY: Bool.default(false),
  TRELLIS_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TRELLIS_WEB_DIR: z.string().default('dist/web'),
  TRELLIS_SELF_CHECK_ORGANIZATION_ID: z.uuid().optional(),
  TRELLIS_SELF_CHECK_RATE_PER_HOUR: z.coerce.number().int().min(1).max(100000).default(5),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  /** Seed the demo organization into an empty database. */
  demo: boolean;
  logLevel: z.infer<typeof EnvSchema>['TRELLIS_LOG_LEVEL'];
  session: { idleMinutes: number; absoluteMinutes: number };
  lockout: { threshold: number; minutes: number };
  loginRatePerMinute: number;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* for client IP and HTTPS (Secure cookies). */
  trustProxy: boolean;
  webDir: string;
  /** The clinic that receives call-back requests from the public self-check (default: the only one). */
  selfCheck: { organizationId: string | undefined; ratePerHour: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (PORT= in an env file) counts as unset, not as 0 or "".
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.TRELLIS_DB_POOL_SIZE }
      : { kind: 'pglite', dataDir: e.TRELLIS_DATA_DIR },
    // Embedded: demo on unless TRELLIS_DEMO=0. Server database: only with TRELLIS_DEMO=1.
    demo: e.TRELLIS_DEMO ?? !e.DATABASE_URL,
    logLevel: e.TRELLIS_LOG_LEVEL,
    session: {
      idleMinutes: e.TRELLIS_SESSION_IDLE_MINUTES,
      absoluteMinutes: e.TRELLIS_SESSION_ABSOLUTE_MINUTES,
    },
    lockout: { threshold: e.TRELLIS_LOCKOUT_THRESHOLD, minutes: e.TRELLIS_LOCKOUT_MINUTES },
    loginRatePerMinute: e.TRELLIS_LOGIN_RATE_PER_MINUTE,
    trustProxy: e.TRELLIS_TRUST_PROXY,
    webDir: e.TRELLIS_WEB_DIR,
    selfCheck: {
      organizationId: e.TRELLIS_SELF_CHECK_ORGANIZATION_ID,
      ratePerHour: e.TRELLIS_SELF_CHECK_RATE_PER_HOUR,
    },
  };
}
