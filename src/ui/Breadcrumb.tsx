import type { Crumb } from '../app/resolve-focus.ts';
import { useT } from '../i18n/use-t.ts';
import type { Focus } from '../state/url.ts';

interface BreadcrumbProps {
  crumbs: Crumb[];
  onGo: (focus: Focus | null) => void;
}

/** district › town › area › community › micro; every step but the last goes back up to it. */
export function Breadcrumb({ crumbs, onGo }: BreadcrumbProps) {
  const t = useT();
  return (
    <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
      <ol>
        {crumbs.map((crumb, i) => {
          const last = i === crumbs.length - 1;
          const key = crumb.focus ? `${crumb.focus.kind}:${crumb.focus.id}` : 'district';
          return (
            <li key={key}>
              {last ? (
                <span aria-current="page" title={crumb.kind}>
                  {crumb.label}
                </span>
              ) : (
                <button type="button" title={crumb.kind} onClick={() => onGo(crumb.focus)}>
                  {crumb.label}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
