import { describe, expect, it } from 'vitest';
import { isPhone, normalisePhone } from './phone.ts';

describe('normalisePhone', () => {
  it.each(['20-30-40-50', '20 30 40 50', '20304050', '+4520304050', '+45 20 30 40 50', '0045 20 30 40 50', '(+45) 20.30.40.50'])('reads %s as a Danish number', (input) => {
    expect(normalisePhone(input)).toBe('+45 20 30 40 50');
  });

  it('keeps a foreign number with its country code', () => {
    expect(normalisePhone('+46 70 123 45 67')).toBe('+46701234567');
    expect(normalisePhone('0046701234567')).toBe('+46701234567');
  });

  it.each(['', '1234', '203040501', 'tlf 20304050', '+123', '20304050 lokal 12'])('refuses %j', (input) => {
    expect(normalisePhone(input)).toBeUndefined();
    expect(isPhone(input)).toBe(false);
  });
});
