import '@fontsource-variable/noto-sans-sc';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startHeartbeat } from './heartbeat.ts';
import { kiosk } from './kiosk.ts';
import { lockPage } from './lockdown.ts';
import { loadRussianHyphenation } from './typography/hyphenation.ts';

lockPage();
const idle = (window as Window & { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1500));
idle(() => void loadRussianHyphenation());

const root = document.getElementById('root')!;

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

startHeartbeat(kiosk(), root);
