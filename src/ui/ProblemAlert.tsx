import { formatProblem, type Problem } from '../data/problem.ts';
import { useT } from '../i18n/use-t.ts';

const SHOWN = 12;

interface ProblemAlertProps {
  title: string;
  problems: Problem[];
  /** Whether older good data is still on screen. */
  keptLastGood: boolean;
}

/** Pack errors as plain text lines (file: feature id: message [rule]); never HTML, never a stack. */
export function ProblemAlert({ title, problems, keptLastGood }: ProblemAlertProps) {
  const t = useT();
  const rest = problems.length - SHOWN;
  return (
    <div role="alert" className="alert">
      <strong>{title}</strong>
      <p>{keptLastGood ? t('packErrorKept') : t('packErrorNone')}</p>
      <ul>
        {problems.slice(0, SHOWN).map((p, i) => (
          // Problems have no id of their own; their order is stable for one load.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i}>
            <code>{formatProblem(p)}</code>
          </li>
        ))}
      </ul>
      {rest > 0 && <p>{t('moreProblems', { count: rest })}</p>}
    </div>
  );
}

export function MessageAlert({ message }: { message: string }) {
  return (
    <div role="alert" className="alert">
      {message}
    </div>
  );
}
