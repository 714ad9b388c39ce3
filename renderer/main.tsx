import '@fontsource-variable/noto-sans-sc';
import '@fontsource-variable/source-sans-3';
import '@fontsource-variable/source-sans-3/wght-italic.css';
import './styles.css';
import './typography/typography.css';
import './touch.css';
import './motion.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startHeartbeat } from './heartbeat.ts';
import { kiosk } from './kiosk.ts';
import { lockPage } from './lockdown.ts';
import { trackPressed } from './pressed.ts';
import { loadRussianHyphenation } from './typography/hyphenation.ts';

lockPage();
trackPressed();
const idle =
  (window as Window & { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1500));
idle(() => void loadRussianHyphenation());

const root = document.getElementById('root')!;

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

startHeartbeat(kiosk(), root);
