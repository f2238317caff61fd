import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/server/config.js';
import { startServer } from '../../src/server/main.js';

/**
 * The real server as `npm start` runs it (built web app, migrations, demo clinic) on a random
 * port over a fresh embedded database in a temporary directory.
 */
export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-e2e-'));
  const config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent' as const,
    demo: true,
    database: { kind: 'pglite' as const, dataDir },
  };
  const server = await startServer(config, () => {});
  return {
    url: server.url.replace('localhost', '127.0.0.1'),
    async close() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
