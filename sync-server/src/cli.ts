/**
 * `pnpm atelier <command>`: administration without a browser. Works whether or not the server is
 * running (SQLite in WAL mode lets both open the database).
 *
 *   create-manager --email E --password P --name N [--language en|fr]
 *   seed-demo
 *   venue prepare|start|end …   (venue/venue-cli.ts, docs/venue.md)
 */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { ConflictError } from './accounts/errors';
import { createUser, findUserByEmail } from './accounts/users';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { email, language, newPassword, personName } from './http/body-schemas';
import { seedDemo } from './seed/demo-programme';
import { PrepareError } from './venue/prepare-hub';
import { UpstreamError } from './venue/upstream-client';
import { PullError } from './venue/pull-document';
import { VENUE_USAGE, venueCommand } from './venue/venue-cli';

class UsageError extends Error {
  override name = 'UsageError';
}

const USAGE = `Usage:
  pnpm atelier create-manager --email E --password P --name N [--language en|fr]
  pnpm atelier seed-demo
${VENUE_USAGE}`;

const ManagerInput = v.object({ email, password: newPassword, name: personName, language });

async function createManager(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, language: { type: 'string' } },
    strict: true
  });
  const parsed = v.safeParse(ManagerInput, { ...values, language: values.language ?? 'en' });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const field = issue.path?.map((p: { key: unknown }) => String(p.key)).join('.') ?? 'input';
    throw new UsageError(`--${field}: ${issue.message}`);
  }
  const db = openDatabase(loadConfig().dataDir);
  try {
    if (findUserByEmail(db, parsed.output.email)) throw new ConflictError(`An account with the email ${parsed.output.email} already exists`);
    const user = await createUser(db, { ...parsed.output, isManager: true });
    console.log(`Created programme manager ${user.name} <${user.email}> (id ${user.id}).`);
  } finally {
    db.close();
  }
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'create-manager':
      return createManager(rest);
    case 'venue':
      return venueCommand(rest);
    case 'seed-demo': {
      const config = loadConfig();
      const db = openDatabase(config.dataDir);
      try {
        const summary = await seedDemo(db, config);
        console.log(summary);
      } finally {
        db.close();
      }
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
  else if (err instanceof ConflictError || err instanceof ConfigError || err instanceof PrepareError || err instanceof UpstreamError || err instanceof PullError) console.error(err.message);
  else if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) console.error(`${err.message}\n\n${USAGE}`);
  else console.error(err);
  process.exit(1);
});
