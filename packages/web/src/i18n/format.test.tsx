import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFormat } from './format';

describe('useFormat', () => {
  it('formats dates the Danish way, in Copenhagen time', () => {
    const { result } = renderHook(() => useFormat());
    expect(result.current.date('2024-12-31T22:30:00Z')).toBe('31.12.2024');
    expect(result.current.dateTime('2024-06-01T12:05:00Z')).toBe('01.06.2024 kl. 14.05');
  });
});
