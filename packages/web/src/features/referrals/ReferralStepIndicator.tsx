import { useTranslation } from 'react-i18next';
import { referralSteps, type ReferralStep } from './referral-form';

type Props = { current: ReferralStep; reached: number; onGoTo: (step: ReferralStep) => void };

/**
 * The DKFDS step indicator: steps already reached are links, the current one is marked, later ones are not links.
 * On a phone only "Trin 2 af 6" shows above the step's heading, so the step's questions start near the top.
 */
export function ReferralStepIndicator({ current, reached, onGoTo }: Props) {
  const { t } = useTranslation();
  const currentIndex = referralSteps.indexOf(current);
  return (
    <>
      <p className="step-subheading d-md-none">
        {t('newReferral.steps.progress', { current: currentIndex + 1, total: referralSteps.length })}
      </p>
      <nav aria-label={t('newReferral.steps.label')} className="d-none d-md-block">
        <ol className="step-indicator">
          {referralSteps.map((step, index) => (
            <li key={step} className={step === current ? 'current' : index > reached ? 'disabled' : undefined} aria-current={step === current ? 'step' : undefined}>
              {index <= reached && step !== current ? (
                <a
                  className="step"
                  href={`?step=${step}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onGoTo(step);
                  }}
                >
                  <StepLabel number={index + 1} title={t(`newReferral.steps.${step}`)} />
                </a>
              ) : (
                <span className="step">
                  <StepLabel number={index + 1} title={t(`newReferral.steps.${step}`)} />
                </span>
              )}
            </li>
          ))}
        </ol>
      </nav>
    </>
  );
}

function StepLabel({ number, title }: { number: number; title: string }) {
  return (
    <>
      <span className="step-number">
        <span>{number}</span>
      </span>{' '}
      <span className="step-title">{title}</span>
    </>
  );
}
