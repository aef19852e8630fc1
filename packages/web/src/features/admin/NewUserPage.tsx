import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { InitialPassword } from '../../ui/InitialPassword';
import { SubPage } from '../../ui/SubPage';
import { CreateUser } from './UserForms';
import { unitsQuery } from './users.api';

/**
 * `/admin/users/new`: a new user of the admin's organisation. The initial password is shown once, above the emptied
 * form (the admin may make the next user at once); it lives in this page's state only and is gone on leaving.
 */
export function NewUserPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const units = useQuery({ ...unitsQuery, select: (list) => [...list].sort((a, b) => format.compare(a.name, b.name)) });
  const [created, setCreated] = useState<{ name: string; password: string }>();
  return (
    <SubPage title={t('users.createHeading')} heading={t('users.createHeading')} back={{ to: '/admin/users', label: t('users.back') }}>
      {created ? <InitialPassword name={created.name} password={created.password} onHide={() => setCreated(undefined)} /> : null}
      <CreateUser units={units.data ?? []} onCreated={(user, password) => setCreated({ name: user.displayName, password })} />
    </SubPage>
  );
}
