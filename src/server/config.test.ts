import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const SECRET = 'pa55-Wörd-xyzzy';
const DATABASE_URL = `postgres://trellis:${SECRET}@db.internal:5432/trellis`;

/** The error message loadConfig throws for `env`, or fails the test if it does not throw. */
function errorFor(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  describe('defaults with an empty environment', () => {
    const config = loadConfig({});

    it('listens on port 3000 on all interfaces', () => {
      expect(config.port).toBe(3000);
      expect(config.host).toBe('0.0.0.0');
    });

    it('uses the embedded database in ./data', () => {
      expect(config.database).toEqual({ kind: 'pglite', dataDir: './data' });
    });

    it('seeds the demo organization', () => {
      expect(config.demo).toBe(true);
    });

    it('ends sessions after 15 idle minutes and 12 hours in all', () => {
      expect(config.session).toEqual({ idleMinutes: 15, absoluteMinutes: 720 });
    });

    it('locks an account for 15 minutes after 5 failures', () => {
      expect(config.lockout).toEqual({ threshold: 5, minutes: 15 });
    });

    it('does not trust proxy headers', () => {
      expect(config.trustProxy).toBe(false);
    });
  });

  it('does not read process.env when given an environment', () => {
    const before = process.env.PORT;
    process.env.PORT = '4444';
    try {
      expect(loadConfig({}).port).toBe(3000);
    } finally {
      if (before === undefined) delete process.env.PORT;
      else process.env.PORT = before;
    }
  });

  describe('database and demo', () => {
    it('uses postgres when DATABASE_URL is set, with a default pool of 10', () => {
      expect(loadConfig({ DATABASE_URL }).database).toEqual({
        kind: 'postgres',
        url: DATABASE_URL,
        poolSize: 10,
      });
    });

    it('turns the demo off for a server database', () => {
      expect(loadConfig({ DATABASE_URL }).demo).toBe(false);
    });

    it.each(['1', 'true'])('turns the demo on for a server database with TRELLIS_DEMO=%s', (v) => {
      expect(loadConfig({ DATABASE_URL, TRELLIS_DEMO: v }).demo).toBe(true);
    });

    it.each(['0', 'false'])('turns the demo off for the embedded database with TRELLIS_DEMO=%s', (v) => {
      expect(loadConfig({ TRELLIS_DEMO: v }).demo).toBe(false);
    });

    it('keeps the demo off for a server database with TRELLIS_DEMO=0', () => {
      expect(loadConfig({ DATABASE_URL, TRELLIS_DEMO: '0' }).demo).toBe(false);
    });

    it('uses TRELLIS_DATA_DIR for the embedded database', () => {
      expect(loadConfig({ TRELLIS_DATA_DIR: '/var/lib/trellis' }).database).toEqual({
        kind: 'pglite',
        dataDir: '/var/lib/trellis',
      });
    });

    it('refuses a TRELLIS_DEMO value it does not understand', () => {
      expect(errorFor({ TRELLIS_DEMO: 'yes' })).toContain('TRELLIS_DEMO');
    });
  });

  describe('overrides', () => {
    it('reads numbers from their text', () => {
      const config = loadConfig({
        PORT: '8080',
        TRELLIS_SESSION_IDLE_MINUTES: '30',
        TRELLIS_SESSION_ABSOLUTE_MINUTES: '480',
        TRELLIS_LOCKOUT_THRESHOLD: '10',
        TRELLIS_LOCKOUT_MINUTES: '60',
      });
      expect(config.port).toBe(8080);
      expect(config.session).toEqual({ idleMinutes: 30, absoluteMinutes: 480 });
      expect(config.lockout).toEqual({ threshold: 10, minutes: 60 });
    });

    it('trusts the proxy with TRELLIS_TRUST_PROXY=1', () => {
      expect(loadConfig({ TRELLIS_TRUST_PROXY: '1' }).trustProxy).toBe(true);
    });
  });

  describe('invalid values', () => {
    it.each(['abc', '-1', '65536', '80.5'])('refuses PORT=%s, naming the variable', (port) => {
      expect(errorFor({ PORT: port })).toContain('PORT');
    });

    // `PORT=` in an env file or an unset `${PORT}` in compose yields an empty string.
    it.each(['', ' '])('never turns PORT=%j into port 0 (a random port)', (port) => {
      let config;
      try {
        config = loadConfig({ PORT: port });
      } catch {
        return; // refusing it is fine too
      }
      expect(config.port).toBe(3000);
    });

    it('accepts the edge ports 0 and 65535', () => {
      expect(loadConfig({ PORT: '0' }).port).toBe(0);
      expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
    });

    it.each(['TRELLIS_SESSION_IDLE_MINUTES', 'TRELLIS_LOCKOUT_MINUTES', 'TRELLIS_LOCKOUT_THRESHOLD'])(
      'refuses %s=0',
      (name) => {
        expect(errorFor({ [name]: '0' })).toContain(name);
      },
    );

    it('never echoes the DATABASE_URL password when another variable is invalid', () => {
      const message = errorFor({
        DATABASE_URL,
        PORT: 'abc',
        TRELLIS_DB_POOL_SIZE: '0',
        TRELLIS_LOG_LEVEL: 'loud',
      });
      expect(message).toContain('PORT');
      expect(message).not.toContain(SECRET);
      expect(message).not.toContain('db.internal');
    });

    it('never echoes the values it refuses', () => {
      const message = errorFor({ TRELLIS_LOG_LEVEL: SECRET, TRELLIS_DEMO: SECRET, PORT: SECRET });
      expect(message).not.toContain(SECRET);
      expect(message).toContain('TRELLIS_LOG_LEVEL');
    });

    it('treats an empty DATABASE_URL as unset: the embedded database', () => {
      expect(loadConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
    });
  });
});
