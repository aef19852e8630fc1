import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/fields';
import { defaultInboxView, inboxDeadlineFilters, inboxRiskFilters, inboxSorts, inboxStatusFilters, type InboxView } from './inbox-view';

/**
 * Four choices that apply at once (no submit button): folded away until wanted, so a phone shows referrals first;
 * open while a choice other than the default is in force. One column on a phone, side by side on a wide screen.
 */
export function InboxViewChoices({ view, onChange }: { view: InboxView; onChange: (view: InboxView) => void }) {
  const { t } = useTranslation();
  const isChosen = (Object.keys(view) as (keyof InboxView)[]).some((key) => view[key] !== defaultInboxView[key]);
  return (
    <details className="app-inbox-view" open={isChosen}>
      <summary>{t('inbox.view.heading')}</summary>
      <div className="app-inbox-view-choices">
        <SelectField
        fieldKey="inbox-status"
        label={t('inbox.view.status')}
        value={view.status}
        onChange={(status) => onChange({ ...view, status })}
        options={inboxStatusFilters.map((value) => ({ value, label: t(`inbox.view.statusOptions.${value}`) }))}
      />
        <SelectField
        fieldKey="inbox-deadline"
        label={t('inbox.view.deadline')}
        value={view.deadline}
        onChange={(deadline) => onChange({ ...view, deadline })}
        options={inboxDeadlineFilters.map((value) => ({ value, label: t(`inbox.view.deadlineOptions.${value}`) }))}
      />
        <SelectField
        fieldKey="inbox-risk"
        label={t('inbox.view.risk')}
        value={view.risk}
        onChange={(risk) => onChange({ ...view, risk })}
        options={inboxRiskFilters.map((value) => ({ value, label: t(`inbox.view.riskOptions.${value}`) }))}
      />
        <SelectField
        fieldKey="inbox-sort"
        label={t('inbox.view.sort')}
        value={view.sort}
        onChange={(sort) => onChange({ ...view, sort })}
        options={inboxSorts.map((value) => ({ value, label: t(`inbox.view.sortOptions.${value}`) }))}
      />
      </div>
    </details>
  );
}
