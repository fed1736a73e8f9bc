/**
 * `pnpm atelier venue <prepare|start|end>` (docs/venue.md). Prepare asks for the sign-in on the
 * terminal unless `--email` and `--password` are given (scripts and tests give them).
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { log } from '../log';
import { endHub } from './end-hub';
import { prepareHub, PrepareError } from './prepare-hub';
import { startHub } from './start-hub';

export const VENUE_USAGE = `  pnpm atelier venue prepare --upstream URL --cop COP_ID [--cop …] [--email E --password P] [--name "Device name"]
  pnpm atelier venue start
  pnpm atelier venue end [--force]`;

async function ask(question: string, secret = false): Promise<string> {
  if (!process.stdin.isTTY) throw new PrepareError(`No terminal to ask for ${question.replace(/:\s*$/, '')}: pass --email and --password`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (secret) {
    // Echo nothing of the password but the prompt itself.
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    out._writeToOutput = (s: string) => {
      if (s.includes(question)) out.output.write(question);
    };
  }
  try {
    const answer = await rl.question(question);
    if (secret) process.stdout.write('\n');
    return answer;
  } finally {
    rl.close();
  }
}

async function prepare(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      upstream: { type: 'string' },
      cop: { type: 'string', multiple: true },
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' }
    },
    strict: true
  });
  if (!values.upstream) throw new PrepareError('--upstream: the central Atelier to prepare from is required');
  if (!values.cop?.length) throw new PrepareError('--cop: name at least one COP');
  const email = values.email ?? (await ask('Email at the upstream Atelier: '));
  const password = values.password ?? (await ask('Password: ', true));
  const db = openDatabase(loadConfig().dataDir);
  try {
    const summary = await prepareHub(db, { upstream: values.upstream, cops: values.cop, email, password, deviceName: values.name });
    console.log(`Prepared this DATA_DIR as venue hub ${summary.deviceId} of ${values.upstream}:`);
    for (const cop of summary.cops) console.log(`  ${cop.name} (${cop.copId}): ${cop.members} members, ${cop.documents.length} documents`);
    console.log('Start it in the room with: pnpm atelier venue start');
  } finally {
    db.close();
  }
}

async function start() {
  const hub = await startHub(loadConfig());
  console.log(`Venue hub serving ${hub.url} (central: ${hub.record.upstream})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    hub.close().then(
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

async function end(args: string[]) {
  const { values } = parseArgs({ args, options: { force: { type: 'boolean' } }, strict: true });
  const db = openDatabase(loadConfig().dataDir);
  try {
    const { wiped, lost } = await endHub(db, values.force ?? false);
    console.log(`Ended the venue hub: wiped ${wiped} document(s).`);
    if (lost.length) console.log(`Lost unconfirmed edits of (--force): ${lost.join(', ')}`);
  } finally {
    db.close();
  }
}

export async function venueCommand(args: string[]) {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'prepare':
      return prepare(rest);
    case 'start':
      return start();
    case 'end':
      return end(rest);
    default:
      throw new PrepareError(sub ? `Unknown venue command "${sub}"\n\nUsage:\n${VENUE_USAGE}` : `Usage:\n${VENUE_USAGE}`);
  }
}
