import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelfTestInfo } from '../../core/contract.ts';
import { kiosk } from '../kiosk.ts';
import { FontCheck } from './selftest/FontCheck.tsx';
import { FrameRate } from './selftest/FrameRate.tsx';
import { GraphicsCheck } from './selftest/GraphicsCheck.tsx';
import { HostFacts } from './selftest/HostFacts.tsx';
import { SoundCheck } from './selftest/SoundCheck.tsx';
import { TouchGrid } from './selftest/TouchGrid.tsx';
import './self-test.css';

/**
 * The field self-test for staff and technicians: a touch grid that draws every finger, the
 * frame rate, the WebGL renderer, the fonts of all three languages, left and right test
 * tones, and what the host knows (free disk, content and app versions). Everything it
 * measures stops when it is closed. Meant for the admin screen, which mounts it behind the PIN.
 */
export function SelfTest() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<SelfTestInfo | 'failed' | null>(null);

  useEffect(() => {
    let live = true;
    kiosk()
      .invoke('selftest:info')
      .then(
        (result) => live && setInfo(result),
        () => live && setInfo('failed'),
      );
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className="selftest">
      <header className="selftest-header">
        <h1>{t('selftest.title')}</h1>
        <p>{t('selftest.intro')}</p>
      </header>
      <TouchGrid />
      <div className="selftest-cards">
        <FrameRate />
        <GraphicsCheck />
        <FontCheck />
        <SoundCheck />
        <HostFacts info={info} />
      </div>
    </div>
  );
}
