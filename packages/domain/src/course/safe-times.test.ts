import { describe, expect, it } from 'vitest';
import { parseSafeTimes } from './safe-times.ts';

describe('parseSafeTimes', () => {
  it('reads weekdays with a clock range', () => {
    expect(parseSafeTimes('hverdage 9-15')).toEqual([{ days: [1, 2, 3, 4, 5], from: '09:00', to: '15:00' }]);
    expect(parseSafeTimes('Hverdage kl. 9.30–12')).toEqual([{ days: [1, 2, 3, 4, 5], from: '09:30', to: '12:00' }]);
  });

  it('reads day ranges, lists and the weekend', () => {
    expect(parseSafeTimes('man-ons 10-14')).toEqual([{ days: [1, 2, 3], from: '10:00', to: '14:00' }]);
    expect(parseSafeTimes('tirsdag og torsdag 8:00-10:00')).toEqual([{ days: [2, 4], from: '08:00', to: '10:00' }]);
    expect(parseSafeTimes('weekend fra 10 til 16')).toEqual([{ days: [6, 7], from: '10:00', to: '16:00' }]);
  });

  it('guesses nothing: free words, no time or a backwards range give null', () => {
    expect(parseSafeTimes('kun når borgeren er på arbejde')).toBeNull();
    expect(parseSafeTimes('hverdage')).toBeNull();
    expect(parseSafeTimes('hverdage 15-9')).toBeNull();
    expect(parseSafeTimes('fre-man 9-15')).toBeNull();
    expect(parseSafeTimes('')).toBeNull();
    expect(parseSafeTimes(null)).toBeNull();
  });
});
