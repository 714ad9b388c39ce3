import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmationFinding } from '../../core/admin/messages.ts';
import { pickText } from '../../core/content/lang.ts';
import type {
  AdminMessage,
  AdminOverview,
  HostInfo,
  ImportProgressView,
  ImportResultView,
  InspectResult,
  StickPackageView,
} from '../../core/contract.ts';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { useExhibit } from '../content/ContentContext.tsx';
import { kiosk } from '../kiosk.ts';
import { formatSize } from './format-size.ts';
import { ProblemList } from './ProblemList.tsx';
import { sayMessage } from './say-message.ts';
import { SelfTest } from './SelfTest.tsx';
import { UsbStickIcon } from './UsbStickIcon.tsx';

/** The staff screen: what is on screen, whether packages are checked for who signed them, the sticks and their packages, install with progress, rollback, logs, the field self-test. */
export function AdminScreen({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { language, content } = useExhibit();
  const [overview, setOverview] = useState<AdminOverview | null>(null);
  const [checking, setChecking] = useState<{ pkg: StickPackageView; stick: string; result: InspectResult | null } | null>(null);
  const [progress, setProgress] = useState<ImportProgressView | null>(null);
  const [result, setResult] = useState<ImportResultView | null>(null);
  const [notice, setNotice] = useState<AdminMessage | null>(null);
  const [confirmRollback, setConfirmRollback] = useState<string | null>(null);
  const [selfTest, setSelfTest] = useState(false);
  const [appVersion, setAppVersion] = useState<HostInfo['appVersion'] | null>(null);
  const fallback = content.exhibit.languages.default;

  const refresh = useCallback(async () => setOverview(await kiosk().invoke('admin:overview')), []);

  useEffect(() => {
    let live = true;
    kiosk()
      .invoke('app:info')
      .then(
        (info) => live && typeof info?.appVersion === 'string' && setAppVersion(info.appVersion),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    void refresh();
    const offs = [
      kiosk().on('admin:sticks', (sticks) => setOverview((o) => (o ? { ...o, sticks } : o))),
      kiosk().on('import:progress', setProgress),
      kiosk().on('import:result', (r) => {
        setResult(r);
        setProgress(null);
        void refresh();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [refresh]);

  const check = async (pkg: StickPackageView, stick: string) => {
    setResult(null);
    setChecking({ pkg, stick, result: null });
    setChecking({ pkg, stick, result: await kiosk().invoke('admin:inspect', { packageId: pkg.packageId }) });
  };

  const install = async (confirm: boolean) => {
    if (!checking) return;
    setResult(null);
    const started = await kiosk().invoke('admin:install', { packageId: checking.pkg.packageId, confirm });
    if (!started.started) setNotice(started.answer);
    else setProgress({ phase: 'checking', bytesDone: 0, bytesTotal: 0, filesDone: 0, filesTotal: 0, secondsLeft: null });
  };

  const close = async () => {
    await kiosk().invoke('admin:lock');
    onClose();
  };

  const importing = progress !== null || overview?.importing;
  const size = (bytes: number) => formatSize(bytes, language, t('admin.size', { returnObjects: true }));
  const say = (message: AdminMessage) => sayMessage(message, t, language);
  const onScreen =
    overview &&
    (overview.active ? { ...overview.active, source: 'installed' as const } : { ...overview.builtIn, source: 'default' as const });
  const inspect = checking?.result;
  const changeList = (label: string, items: { title: Parameters<typeof pickText>[0] }[]) =>
    items.length > 0 && (
      <li>
        <strong>{label}:</strong> {items.map((i) => pickText(i.title, language, fallback)).join(' · ')}
      </li>
    );

  return (
    <div className="admin-screen" role="dialog" aria-modal="true" aria-labelledby="admin-title">
      <header className="admin-header">
        {selfTest && (
          <button type="button" className="admin-button admin-back" onClick={() => setSelfTest(false)}>
            {t('admin.backToAdmin')}
          </button>
        )}
        <div className="admin-heading">
          <h1 id="admin-title" className={selfTest ? 'visually-hidden' : undefined}>
            {t('admin.title')}
          </h1>
          {(onScreen || appVersion) && (
            <p className="admin-stamp" data-testid="admin-stamp">
              {onScreen && (
                <span>
                  {t('admin.stamp', {
                    id: onScreen.id,
                    version: onScreen.version,
                    source: t(`selftest.content.source.${onScreen.source}`),
                  })}
                </span>
              )}
              {onScreen && appVersion && ' · '}
              {appVersion && <span>{t('selftest.app.version', { version: appVersion })}</span>}
            </p>
          )}
        </div>
        <div className="admin-header-actions">
          <LanguageSwitcher />
          {!selfTest && (
            <button type="button" className="admin-button" onClick={() => setSelfTest(true)}>
              {t('admin.selfTest')}
            </button>
          )}
          <button type="button" className="admin-button primary" onClick={() => void close()}>
            {t('admin.close')}
          </button>
        </div>
      </header>
      {selfTest ? (
        <div className="admin-selftest">
          <SelfTest />
        </div>
      ) : (
        <div className="admin-body">
          <section className="admin-card" aria-labelledby="admin-active">
            <h2 id="admin-active">{t('admin.onScreen')}</h2>
            {overview &&
              (overview.active ? (
                <p className="admin-active">
                  <strong>
                    {overview.active.id} {overview.active.version}
                  </strong>{' '}
                  —{' '}
                  {t('admin.installedFrom', {
                    source: overview.active.source,
                    date: overview.active.installedAt.slice(0, 16).replace('T', ' '),
                  })}
                </p>
              ) : (
                <p className="admin-active">
                  <strong>{t('admin.builtIn')}</strong> ({overview.builtIn.id} {overview.builtIn.version})
                </p>
              ))}
            {overview && <p>{t('admin.languagesComplete', { languages: overview.languages.join(', ') })}</p>}
            {overview && overview.previous.length > 0 && (
              <>
                <h3>{t('admin.earlier')}</h3>
                <ul className="admin-list">
                  {overview.previous.map((v) => (
                    <li key={v.name}>
                      <span>
                        {v.name === 'built-in' ? `${t('admin.builtIn')} — ` : ''}
                        {v.id} {v.version} {v.installedAt && <small>({v.installedAt.slice(0, 16).replace('T', ' ')})</small>}
                      </span>
                      {confirmRollback === v.name ? (
                        <button
                          type="button"
                          className="admin-button danger"
                          disabled={!!importing}
                          onClick={async () => {
                            setConfirmRollback(null);
                            const r = await kiosk().invoke('admin:rollback', { name: v.name });
                            setNotice(r.answer);
                            void refresh();
                          }}
                        >
                          {t('admin.rollbackConfirm', { version: v.version })}
                        </button>
                      ) : (
                        <button type="button" className="admin-button" disabled={!!importing} onClick={() => setConfirmRollback(v.name)}>
                          {t('admin.rollback')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <section className="admin-card" aria-labelledby="admin-sticks">
            <h2 id="admin-sticks">{t('admin.sticks')}</h2>
            {overview &&
              (overview.signing.trustedKeyIds.length === 0 ? (
                <div className="admin-signing admin-signing-off" role="note" aria-labelledby="admin-signing-title">
                  <h3 id="admin-signing-title">{t('admin.signing.offTitle')}</h3>
                  <p>{t('admin.signing.offBody')}</p>
                  <p>{t('admin.signing.offFix')}</p>
                  <code className="admin-command">{t('admin.signing.command')}</code>
                </div>
              ) : (
                <div className="admin-signing admin-signing-on" role="note" aria-labelledby="admin-signing-title">
                  <h3 id="admin-signing-title">{t('admin.signing.onTitle')}</h3>
                  <p>{t('admin.signing.onBody')}</p>
                  <ul className="admin-keys">
                    {overview.signing.trustedKeyIds.map((id) => (
                      <li key={id}>
                        <code>{id}</code>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            {overview && overview.sticks.length === 0 && <p className="admin-hint">{t('admin.noStick')}</p>}
            {overview?.sticks.map((stick) => (
              <div key={stick.label} className="admin-stick">
                <h3 className="admin-stick-label">
                  <UsbStickIcon /> {stick.label}
                </h3>
                {stick.packages.length === 0 && <p className="admin-hint">{t('admin.noPackage')}</p>}
                <ul className="admin-list">
                  {stick.packages.map((pkg) => (
                    <li key={pkg.packageId}>
                      <span>
                        {pkg.name} <small>({pkg.kind === 'zip' ? 'ZIP' : t('admin.folder')})</small>
                      </span>
                      <button type="button" className="admin-button" disabled={!!importing} onClick={() => void check(pkg, stick.label)}>
                        {t('admin.check')}
                      </button>
                    </li>
                  ))}
                </ul>
                <div className="admin-stick-actions">
                  <button
                    type="button"
                    className="admin-button"
                    disabled={!!importing}
                    onClick={async () => {
                      const r = await kiosk().invoke('admin:exportLogs', { stick: stick.label });
                      setNotice(r.answer);
                    }}
                  >
                    {t('admin.exportLogs')}
                  </button>
                  {!importing && <p className="admin-safe">{t('admin.safeToRemove')}</p>}
                </div>
              </div>
            ))}
          </section>

          {checking && (
            <section className="admin-card admin-wide" aria-labelledby="admin-check">
              <h2 id="admin-check">{t('admin.checkOf', { name: checking.pkg.name })}</h2>
              {!inspect && <p role="status">{t('admin.checking')}</p>}
              {inspect && (
                <>
                  <p className={inspect.ok ? 'admin-ok' : 'admin-bad'} role="status">
                    {inspect.refused
                      ? say(inspect.refused)
                      : inspect.ok
                        ? t('admin.packageOk', { id: inspect.id, version: inspect.version })
                        : t('admin.packageBad', { count: inspect.problems.length })}
                  </p>
                  {inspect.problems.length > 0 && <ProblemList problems={inspect.problems} language={language} />}
                  {inspect.ok && inspect.changes && (
                    <ul className="admin-changes">
                      {changeList(t('admin.sectionsAdded'), inspect.changes.sections.added)}
                      {changeList(t('admin.sectionsRemoved'), inspect.changes.sections.removed)}
                      {changeList(t('admin.sectionsChanged'), inspect.changes.sections.changed)}
                      {changeList(t('admin.storiesAdded'), inspect.changes.stories.added)}
                      {changeList(t('admin.storiesRemoved'), inspect.changes.stories.removed)}
                      {changeList(t('admin.storiesChanged'), inspect.changes.stories.changed)}
                      {inspect.changes.modelChanged && <li>{t('admin.modelChanged')}</li>}
                      <li>{t('admin.missingTranslations', { count: inspect.changes.missingTranslations.length })}</li>
                    </ul>
                  )}
                  {inspect.ok && !importing && !result && (
                    <div className="admin-install">
                      {inspect.needsConfirmation ? (
                        <>
                          <p className="admin-bad">{say(confirmationFinding(inspect.needsConfirmation))}</p>
                          <button type="button" className="admin-button danger" onClick={() => void install(true)}>
                            {t('admin.installAnyway')}
                          </button>
                        </>
                      ) : (
                        <button type="button" className="admin-button primary" onClick={() => void install(false)}>
                          {t('admin.install')}
                        </button>
                      )}
                    </div>
                  )}
                </>
              )}
              {progress && (
                <div className="admin-progress">
                  <div
                    className="admin-bar"
                    role="progressbar"
                    aria-label={t('admin.progress')}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={progress.bytesTotal ? Math.round((progress.bytesDone / progress.bytesTotal) * 100) : undefined}
                    aria-valuetext={progress.bytesTotal ? undefined : t('admin.preparing')}
                  >
                    <span style={{ width: `${progress.bytesTotal ? (progress.bytesDone / progress.bytesTotal) * 100 : 0}%` }} />
                  </div>
                  {progress.bytesTotal > 0 ? (
                    <p>
                      {t(`admin.phase.${progress.phase}`)} — {size(progress.bytesDone)} / {size(progress.bytesTotal)},{' '}
                      {t('admin.files', { done: progress.filesDone, total: progress.filesTotal })}
                      {progress.secondsLeft !== null && `, ${t('admin.secondsLeft', { seconds: progress.secondsLeft })}`}
                    </p>
                  ) : (
                    <p>{t('admin.preparing')}</p>
                  )}
                </div>
              )}
              {result && (
                <div className={result.ok ? 'admin-ok' : 'admin-bad'} role="status">
                  <p>
                    {result.ok
                      ? t('admin.installed', { id: result.id, version: result.version })
                      : result.rolledBack
                        ? t('admin.rolledBackAuto')
                        : t('admin.notInstalled')}
                  </p>
                  {result.problems.length > 0 && <ProblemList problems={result.problems} language={language} />}
                  <p>{result.reportWritten ? t('admin.reportWritten') : t('admin.reportNotWritten')}</p>
                </div>
              )}
            </section>
          )}
          {notice && (
            <p className="admin-notice" role="status">
              {say(notice)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
