import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNTRANSLATED_LANGUAGE } from '../../../core/content/languages.ts';
import { Check } from './Check.tsx';

interface Graphics {
  renderer: string;
  version: string;
  maxTexture: number;
}

/**
 * Which GPU (or software renderer) draws WebGL. It makes a tiny context of its own and loses it
 * at once: the kiosk keeps one WebGL context for its life, and this one must not stay beside it.
 */
function probe(): Graphics | null {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return null;
  try {
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    return {
      renderer: String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
      version: String(gl.getParameter(gl.VERSION)),
      maxTexture: Number(gl.getParameter(gl.MAX_TEXTURE_SIZE)),
    };
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

export function GraphicsCheck() {
  const { t } = useTranslation();
  const [graphics, setGraphics] = useState<Graphics | null | undefined>(undefined);

  useEffect(() => {
    setGraphics(probe());
  }, []);

  return (
    <Check
      title={t('selftest.graphics.title')}
      status={graphics === undefined ? 'pending' : graphics ? 'ok' : 'problem'}
      className="selftest-graphics"
    >
      {graphics === undefined && <p className="selftest-value">{t('selftest.checking')}</p>}
      {graphics === null && <p className="selftest-value">{t('selftest.graphics.unavailable')}</p>}
      {graphics && (
        <>
          <p className="selftest-value selftest-long" lang={UNTRANSLATED_LANGUAGE}>
            {graphics.renderer}
          </p>
          <p className="selftest-detail" lang={UNTRANSLATED_LANGUAGE}>
            {graphics.version} · {t('selftest.graphics.maxTexture', { size: graphics.maxTexture })}
          </p>
        </>
      )}
    </Check>
  );
}
