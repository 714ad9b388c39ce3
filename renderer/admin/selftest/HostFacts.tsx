import { useTranslation } from 'react-i18next';
import type { SelfTestInfo } from '../../../core/contract.ts';
import { UNTRANSLATED_LANGUAGE } from '../../../core/content/languages.ts';
import { Check } from './Check.tsx';

const GB = 1024 ** 3;
/** Below this, an import of a new exhibit may not fit. */
const LOW_DISK = 2 * GB;

const gb = (bytes: number) => (bytes / GB).toFixed(1);

/** What the host knows: free disk where the kiosk keeps its data, the content and the app. */
export function HostFacts({ info }: { info: SelfTestInfo | 'failed' | null }) {
  const { t } = useTranslation();
  const facts = info && info !== 'failed' ? info : null;
  const pending = info === null;
  const disk = facts?.disk ?? null;
  const content = facts?.content ?? null;
  return (
    <>
      <Check title={t('selftest.disk.title')} status={pending ? 'pending' : disk && disk.freeBytes >= LOW_DISK ? 'ok' : 'problem'}>
        <p className="selftest-value">
          {pending ? t('selftest.checking') : disk ? t('selftest.disk.free', { free: gb(disk.freeBytes) }) : t('selftest.unknown')}
        </p>
        {disk && <p className="selftest-detail">{t('selftest.disk.total', { total: gb(disk.totalBytes) })}</p>}
        {disk && disk.freeBytes < LOW_DISK && <p className="selftest-detail">{t('selftest.disk.low')}</p>}
      </Check>
      <Check title={t('selftest.content.title')} status={pending ? 'pending' : content ? 'ok' : 'problem'}>
        {content ? (
          <>
            <p className="selftest-value">{t('selftest.content.version', { version: content.version })}</p>
            <p className="selftest-detail">
              <span lang={UNTRANSLATED_LANGUAGE}>{content.id}</span> · {t(`selftest.content.source.${content.source}`)}
            </p>
          </>
        ) : (
          <p className="selftest-value">{pending ? t('selftest.checking') : t('selftest.unknown')}</p>
        )}
        {facts && (
          <p className="selftest-detail">
            {t('selftest.app.version', { version: facts.appVersion })} · {t(`selftest.app.host.${facts.host}`)} ·{' '}
            <span lang={UNTRANSLATED_LANGUAGE}>
              {facts.platform} {facts.arch}
              {facts.versions.electron ? ` · Electron ${facts.versions.electron}` : ''}
              {facts.versions.chrome ? ` · Chromium ${facts.versions.chrome}` : ''}
            </span>
          </p>
        )}
      </Check>
    </>
  );
}
