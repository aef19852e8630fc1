import { allDemoAccounts as demoAccounts, type DemoAccount } from '../../packages/server/src/demo/demo-accounts.ts';

export type { DemoAccount };

/**
 * A demo account by e-mail (the demo data is loaded by the server that global setup starts). Throws at once if
 * the account is gone, so a renamed demo user fails with a clear message rather than at the login form.
 */
export function demoAccount(email: string): DemoAccount {
  const account = demoAccounts.find((candidate) => candidate.email === email);
  if (!account) throw new Error(`No demo account ${email}: see packages/server/src/demo/demo-accounts.ts`);
  return account;
}
