/**
 * `npm run bro -- <command>`: operations on an installation, with the app's own configuration and database startup
 * (env.ts, then the embedded PostgreSQL in DATA_DIR or DATABASE_URL, migrated to the latest version).
 *
 *   admin:create --email <e-mail> [--name "<display name>"]
 *     A platform admin in the platform operator's organisation (made when missing), and a one-time enrolment link,
 *     valid 24 hours, to choose a password and enrol TOTP. Run again for an admin who never used the link: a new
 *     link, the old one stops working.
 *
 * Exit codes: 0 done, 1 refused or failed (one line on stderr, no stack trace), 2 wrong usage.
 * With the embedded database, stop the app first: one PostgreSQL data directory serves one server.
 */
import { parseArgs } from 'node:util';
import { EmailAddress } from '@bro/domain';
import { readEnv } from '../env.ts';
import { createPlatformAdmin } from '../modules/enrolment/index.ts';
import { systemClock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { describeStartupError, openMigratedDatabase } from '../startup.ts';

const USAGE = 'usage: npm run bro -- admin:create --email <e-mail> [--name "<display name>"]';
const DEFAULT_DISPLAY_NAME = 'Platformadministrator';

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (positionals.length !== 1 || positionals[0] !== 'admin:create') throw new UsageError(USAGE);
  const email = EmailAddress.safeParse(values.email ?? '');
  if (!email.success) throw new UsageError(`--email must be an e-mail address\n${USAGE}`);
  const displayName = values.name?.trim() || DEFAULT_DISPLAY_NAME;
  if (displayName.length > 200) throw new UsageError('--name is at most 200 characters');

  const env = readEnv();
  const { database } = await openMigratedDatabase(env);
  try {
    const issued = await createPlatformAdmin({ db: database.db, clock: systemClock, publicOrigin: env.publicOrigin, email: email.data, displayName });
    // The link is the one place the token may appear: hand it to the person over a channel you trust.
    process.stdout.write(
      [
        `Platform admin ready in "${issued.organisationName}".`,
        `One-time enrolment link (works once, until ${issued.expiresAt.toISOString()}):`,
        issued.url,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    const message = error instanceof AppError && error.code === 'email_taken' ? 'that e-mail already belongs to an account that is not a platform admin awaiting enrolment' : describeStartupError(error);
    process.stderr.write(`bro: ${message}\n`);
    process.exit(1);
  },
);
