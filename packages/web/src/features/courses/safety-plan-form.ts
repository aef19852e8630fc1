import { ImportantDocument, type SafetyPlanContent } from '@bro/domain';
import type { TFunction } from 'i18next';
import type { FieldMessages } from '../../forms/schema';

/** One record of a list (a safe person, a code word …) as the form holds it: strings by field. */
export type RecordDraft = Record<string, string>;

/** The safety plan as form drafts (strings everywhere) and back, with the checks the form can make at once. */

export type PlanList = 'safePeople' | 'safePlaces' | 'warningSigns' | 'emergencySteps' | 'children' | 'importantDocuments' | 'codeWords';
export type PlanDraft = Record<PlanList, RecordDraft[]> & { notes: string };
/** The form's values, under the request's path (`content.safePeople.0.name`). */
export type PlanValues = { content: PlanDraft };

/** Each list, its fields (the first is the one that must be filled), their limits, and the list's maximum length. */
export const planLists: Record<PlanList, { fields: readonly { key: string; max: number; isSelect?: boolean }[]; max: number }> = {
  safePeople: { fields: [{ key: 'name', max: 200 }, { key: 'howToReach', max: 200 }, { key: 'note', max: 1000 }], max: 20 },
  safePlaces: { fields: [{ key: 'name', max: 200 }, { key: 'address', max: 300 }, { key: 'note', max: 1000 }], max: 20 },
  warningSigns: { fields: [{ key: 'text', max: 500 }], max: 30 },
  emergencySteps: { fields: [{ key: 'text', max: 500 }], max: 30 },
  children: { fields: [{ key: 'name', max: 100 }, { key: 'plan', max: 2000 }], max: 10 },
  importantDocuments: { fields: [{ key: 'document', max: 40, isSelect: true }, { key: 'whereKept', max: 300 }, { key: 'note', max: 500 }], max: 20 },
  codeWords: { fields: [{ key: 'word', max: 100 }, { key: 'meaning', max: 300 }], max: 10 },
};

/** Fields that must be filled in a record that is there at all (beyond the first). */
const alsoRequired: Partial<Record<PlanList, string>> = { children: 'plan', codeWords: 'meaning' };

const lines = (values: readonly string[]) => values.map((text) => ({ text }));
const strings = (record: object): RecordDraft => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, String(value ?? '')]));

export function draftOf(content: SafetyPlanContent | undefined): PlanDraft {
  return {
    safePeople: (content?.safePeople ?? []).map(strings),
    safePlaces: (content?.safePlaces ?? []).map(strings),
    warningSigns: lines(content?.warningSigns ?? []),
    emergencySteps: lines(content?.emergencySteps ?? []),
    children: (content?.children ?? []).map(strings),
    importantDocuments: (content?.importantDocuments ?? []).map(strings),
    codeWords: (content?.codeWords ?? []).map(strings),
    notes: content?.notes ?? '',
  };
}

// A chosen document counts as filled in: the select always holds a value, so such a record is never blank.
const isBlank = (record: RecordDraft, list: PlanList) => planLists[list].fields.every((field) => !field.isSelect && !(record[field.key] ?? '').trim());

/** Field errors keyed `content.<list>.<index>.<field>`; a record left wholly empty is simply dropped. */
export function validatePlan(draft: PlanDraft, t: TFunction): FieldMessages {
  const errors: FieldMessages = {};
  for (const list of Object.keys(planLists) as PlanList[]) {
    const { fields } = planLists[list];
    draft[list].forEach((record, index) => {
      if (isBlank(record, list)) return;
      const first = fields[0];
      const required = [first?.isSelect ? undefined : first?.key, alsoRequired[list]].filter((key): key is string => Boolean(key));
      for (const key of required) if (!(record[key] ?? '').trim()) errors[`content.${list}.${index}.${key}`] = t('courses.safetyPlan.required');
      for (const field of fields) if ((record[field.key] ?? '').trim().length > field.max) errors[`content.${list}.${index}.${field.key}`] = t('courses.safetyPlan.tooLong', { max: field.max });
    });
  }
  if (draft.notes.trim().length > 4000) errors['content.notes'] = t('courses.safetyPlan.tooLong', { max: 4000 });
  return errors;
}

const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export function contentOf(draft: PlanDraft): SafetyPlanContent {
  const kept = (list: PlanList) => draft[list].filter((record) => !isBlank(record, list));
  return {
    safePeople: kept('safePeople').map((record) => ({ name: (record.name ?? '').trim(), howToReach: optional(record.howToReach), note: optional(record.note) })),
    safePlaces: kept('safePlaces').map((record) => ({ name: (record.name ?? '').trim(), address: optional(record.address), note: optional(record.note) })),
    warningSigns: kept('warningSigns').map((record) => (record.text ?? '').trim()),
    emergencySteps: kept('emergencySteps').map((record) => (record.text ?? '').trim()),
    children: kept('children').map((record) => ({ name: (record.name ?? '').trim(), plan: (record.plan ?? '').trim() })),
    importantDocuments: kept('importantDocuments').map((record) => ({
      document: ImportantDocument.options.find((value) => value === record.document) ?? 'other',
      whereKept: optional(record.whereKept),
      note: optional(record.note),
    })),
    codeWords: kept('codeWords').map((record) => ({ word: (record.word ?? '').trim(), meaning: (record.meaning ?? '').trim() })),
    notes: optional(draft.notes),
  };
}

/** An empty record for a list: text fields empty, a choice at its first option. */
export function emptyRecord(list: PlanList, firstChoice: string): RecordDraft {
  return Object.fromEntries(planLists[list].fields.map((field) => [field.key, field.isSelect ? firstChoice : '']));
}
