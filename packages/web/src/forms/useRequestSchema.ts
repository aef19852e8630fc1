import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { byField, requestSchema, type FieldMessages, type RequestDraft } from './schema';

/**
 * The schema of a form that sends a domain request and has one sentence per field (`{ email: t('…') }`): see
 * requestSchema. Made again when the language changes; `toRequest` and `messages` must depend on nothing else.
 */
export function useRequestSchema<V, S extends z.ZodType>(schema: S, toRequest: (values: V) => RequestDraft<z.input<S>>, messages: (t: TFunction) => FieldMessages = () => ({})) {
  const { t } = useTranslation();
  return useMemo(() => requestSchema({ schema, toRequest, messageOf: byField(messages(t), t('errors.unexpected')) }), [t, schema]);
}
