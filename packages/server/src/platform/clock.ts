/** The one source of "now". Tests pass a controllable clock; production uses the system clock. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

export function createFixedClock(start: Date): Clock & { advance: (milliseconds: number) => void; set: (date: Date) => void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (milliseconds) => {
      current += milliseconds;
    },
    set: (date) => {
      current = date.getTime();
    },
  };
}
