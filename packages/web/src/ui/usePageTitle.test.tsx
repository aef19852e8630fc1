import { act, renderHook } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../i18n';
import { usePageTitle } from './usePageTitle';

afterEach(async () => {
  await act(() => changeLanguage('da'));
});

describe('usePageTitle', () => {
  it('names the page, then the app', () => {
    renderHook(() => usePageTitle('Indbakke'));
    expect(document.title).toBe('Indbakke – Bro');
  });

  it('stays neutral without a title', () => {
    document.title = 'Something else';
    renderHook(() => usePageTitle());
    expect(document.title).toBe('Bro');
  });

  it('follows a new title and goes back to neutral when the page closes', () => {
    const { rerender, unmount } = renderHook(({ title }) => usePageTitle(title), { initialProps: { title: 'Ny henvisning' } });
    rerender({ title: 'New referral' });
    expect(document.title).toBe('New referral – Bro');
    unmount();
    expect(document.title).toBe('Bro');
  });

  it('follows a change of language', async () => {
    renderHook(() => {
      const { t } = useTranslation();
      usePageTitle(t('nav.inbox'));
    });
    expect(document.title).toBe('Indbakke – Bro');
    await act(() => changeLanguage('en'));
    expect(document.title).toBe('Inbox – Bro');
  });
});
