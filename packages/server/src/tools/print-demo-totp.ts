import { generate } from 'otplib';
import { allDemoAccounts as demoAccounts } from '../demo/demo-accounts.ts';

/**
 * `npm run demo:totp`: the current one-time code of every demo account, so a demo needs no authenticator app.
 * The secrets are public demo values (demo/demo-accounts.ts); this works only against the demo data.
 */
const PERIOD_SECONDS = 30;

async function main(): Promise<void> {
  // One instant for every code, so they all belong to the window whose remaining seconds we print.
  const epoch = Math.floor(Date.now() / 1000);
  const secondsLeft = PERIOD_SECONDS - (epoch % PERIOD_SECONDS);
  const width = Math.max(...demoAccounts.map((account) => account.email.length));
  const lines: string[] = [];
  for (const account of demoAccounts) {
    const code = account.totpSecret === null ? 'no TOTP yet: enrols at first login' : await generate({ secret: account.totpSecret, epoch });
    lines.push(`${account.email.padEnd(width)}  ${code}`);
  }
  lines.push('', `Codes valid for ${secondsLeft} more s. Password for every account: ${demoAccounts[0]?.password ?? ''}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error('Could not print the demo codes:', error instanceof Error ? error.message : error);
  process.exit(1);
});
