import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockResult } from '../../core/contract.ts';
import { kiosk } from '../kiosk.ts';
import { BackspaceIcon } from './BackspaceIcon.tsx';

/** Six digits by touch; the host checks them and counts wrong tries. */
export function PinPad({ onUnlocked, onCancel }: { onUnlocked(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const explain = (r: Exclude<UnlockResult, { ok: true }>) =>
    r.reason === 'wrong'
      ? t('admin.pinWrong', { count: r.triesLeft })
      : r.reason === 'locked'
        ? t('admin.pinLocked', { seconds: r.secondsLeft })
        : t('admin.pinNotSet');

  const press = async (digit: string) => {
    if (busy || digits.length >= 6) return;
    const next = digits + digit;
    setDigits(next);
    setMessage(null);
    if (next.length < 6) return;
    setBusy(true);
    const result = await kiosk().invoke('admin:unlock', { pin: next });
    setBusy(false);
    setDigits('');
    if (result.ok) onUnlocked();
    else setMessage(explain(result));
  };

  return (
    <div className="admin-backdrop">
      <div className="pin-pad" role="dialog" aria-modal="true" aria-labelledby="pin-title">
        <h2 id="pin-title">{t('admin.pinTitle')}</h2>
        <div className="pin-dots" aria-label={t('admin.pinEntered', { count: digits.length })} role="status">
          {Array.from({ length: 6 }, (_, i) => (
            <span key={i} className={i < digits.length ? 'filled' : ''} />
          ))}
        </div>
        <p className="pin-message" role="alert">
          {message ?? ' '}
        </p>
        <div className="pin-keys">
          {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
            <button key={d} type="button" onClick={() => void press(d)} disabled={busy}>
              {d}
            </button>
          ))}
          <button type="button" className="pin-cancel" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
          <button type="button" onClick={() => void press('0')} disabled={busy}>
            0
          </button>
          <button type="button" aria-label={t('admin.pinDelete')} onClick={() => setDigits((d) => d.slice(0, -1))} disabled={busy}>
            <BackspaceIcon />
          </button>
        </div>
      </div>
    </div>
  );
}
