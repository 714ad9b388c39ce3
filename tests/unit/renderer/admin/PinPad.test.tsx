import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { expect, it } from 'vitest';
import zh from '../../../../locales/zh-Hans/common.json';
import { PinPad } from '../../../../renderer/admin/PinPad.tsx';
import { initI18n } from '../../../../renderer/i18n.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

it('draws the PIN pad’s delete key instead of a symbol the kiosk has no font for, and names it', async () => {
  const i18n = initI18n('zh-Hans');
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <PinPad onUnlocked={() => undefined} onCancel={() => undefined} />
      </I18nextProvider>,
    ),
  );
  const key = host.querySelector(`button[aria-label="${zh.admin.pinDelete}"]`)!;
  expect(key.textContent).toBe('');
  expect(key.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
  expect(host.textContent).not.toContain('⌫');
  act(() => root.unmount());
  host.remove();
});
