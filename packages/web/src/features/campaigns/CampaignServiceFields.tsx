import { useQuery } from '@tanstack/react-query';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { useFieldError } from '../../forms/fields';
import { useFormat } from '../../i18n/format';
import { fieldDomId } from '../../ui/fields';
import { useHasPermission, useSignedInSession } from '../auth/useSession';
import { serviceChoicesQuery, type ServiceChoice } from './campaigns.api';
import type { CampaignControl } from './campaign-form';

/**
 * The services a campaign points to, in the order the admin chose them: a chosen service keeps its place, a new one
 * goes last. Those no longer active are offered for removal only.
 */
export function ServiceFields({ control, linkedServices }: CampaignControl & { linkedServices: readonly ServiceChoice[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const byName = (a: ServiceChoice, b: ServiceChoice) => format.compare(a.name, b.name);
  const organisationId = useSignedInSession().organisation.id;
  const canManageDirectory = useHasPermission('directory:manage');
  const choices = useQuery({ ...serviceChoicesQuery({ organisationId, canManageDirectory }), select: (data) => ({ own: [...data.own].sort(byName), others: [...data.others].sort(byName) }) });
  const { field } = useController({ control, name: 'serviceIds' });
  const { domKey, error } = useFieldError(control, 'serviceIds');
  const chosen: string[] = field.value;
  const toggle = (id: string, isChecked: boolean) => field.onChange(isChecked ? [...chosen.filter((other) => other !== id), id] : chosen.filter((other) => other !== id));
  return (
    <section className="app-form-section" aria-labelledby="campaign-services">
      <h2 id="campaign-services">{t('campaigns.sections.services')}</h2>
      <p className="form-hint">{t('campaigns.fields.servicesHint')}</p>
      {error ? (
        <p className="form-error-message" id={`${fieldDomId(domKey)}-error`}>
          <span className="sr-only">{t('common.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <Loaded query={choices} failureText={t('campaigns.fields.servicesLoadFailed')}>
        {(data) => {
          const offered = new Set([...data.own, ...data.others].map((choice) => choice.id));
          const unavailable = linkedServices.filter((service) => !offered.has(service.id) && chosen.includes(service.id));
          const groups = { unavailable, own: data.own, others: data.others };
          return <ServiceGroups domKey={domKey} hasError={Boolean(error)} groups={groups} chosen={chosen} onToggle={toggle} />;
        }}
      </Loaded>
    </section>
  );
}

type GroupsProps = { domKey: string; hasError: boolean; groups: Record<'unavailable' | 'own' | 'others', readonly ServiceChoice[]>; chosen: readonly string[]; onToggle: (id: string, isChecked: boolean) => void };

function ServiceGroups({ domKey, hasError, groups, chosen, onToggle }: GroupsProps) {
  const { t } = useTranslation();
  const firstId = [...groups.unavailable, ...groups.own, ...groups.others][0]?.id;
  // The first box carries the field's id, so the error summary can link to the group.
  const idOf = (id: string) => (id === firstId ? fieldDomId(domKey) : `${fieldDomId(domKey)}-${id}`);
  const group = (legendId: string, legend: string, options: readonly ServiceChoice[], hint?: string) =>
    options.length === 0 ? null : (
      <div className="form-group">
        <fieldset aria-describedby={hint ? `${legendId}-hint` : undefined}>
          <legend className="form-label">{legend}</legend>
          {hint ? (
            <span className="form-hint" id={`${legendId}-hint`}>
              {hint}
            </span>
          ) : null}
          {options.map((option) => (
            <div className="form-group-checkbox" key={option.id}>
              <input type="checkbox" className="form-checkbox" id={idOf(option.id)} checked={chosen.includes(option.id)} onChange={(event) => onToggle(option.id, event.target.checked)} />
              <label htmlFor={idOf(option.id)}>{option.name}</label>
            </div>
          ))}
        </fieldset>
      </div>
    );
  return (
    <div className={hasError ? 'form-error' : undefined}>
      {group('campaign-unavailable', t('campaigns.fields.unavailableServices'), groups.unavailable, t('campaigns.fields.unavailableHint'))}
      {group('campaign-own', t('campaigns.fields.ownServices'), groups.own)}
      {group('campaign-others', t('campaigns.fields.otherServices'), groups.others)}
      {groups.own.length + groups.others.length + groups.unavailable.length === 0 ? <p>{t('campaigns.fields.noServices')}</p> : null}
    </div>
  );
}
