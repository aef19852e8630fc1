import { describe, expect, it } from 'vitest';
import { signInDelayAfterFailures } from './sign-in-throttle.ts';

describe('sign-in delays', () => {
  it('grow with the failures: none after the first, then 1, 5 and 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(signInDelayAfterFailures)).toEqual([0, 0, 60_000, 300_000, 900_000, 900_000, 900_000]);
  });
});
