/**
 * `pnpm start`'s server entry: read configuration, start, and stop cleanly on SIGTERM/SIGINT.
 */
import { countManagers } from './accounts/users';
import { ConfigError, loadConfig } from './config';
import { log } from './log';
import { startServer } from './server';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Atelier cannot start: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const server = await startServer(config);
  log.info(`Atelier is serving on ${server.url}`, { dataDir: config.dataDir });
  if (countManagers(server.db) === 0) {
    // Printed even when ATELIER_QUIET is set: without a manager nobody can do anything.
    console.log(
      'No programme manager yet. Create the first one with:\n' +
        '  pnpm atelier create-manager --email you@example.ca --password "a long passphrase" --name "Your Name"\n' +
        'or explore a demo programme with: pnpm atelier seed-demo'
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    server.close().then(
      () => process.exit(0),
      (err) => {
        log.error('failed to stop cleanly', { error: String(err) });
        process.exit(1);
      }
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  console.error('Atelier failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
