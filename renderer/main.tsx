import '@fontsource-variable/noto-sans-sc';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { selfTestRoute } from './admin/self-test-route.ts';
import { StandaloneSelfTest } from './admin/StandaloneSelfTest.tsx';
import { startHeartbeat } from './heartbeat.ts';
import { kiosk } from './kiosk.ts';
import { lockPage } from './lockdown.ts';
import { loadRussianHyphenation } from './typography/hyphenation.ts';

lockPage();
const idle = (window as Window & { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1500));
idle(() => void loadRussianHyphenation());

const root = document.getElementById('root')!;
const selfTest = selfTestRoute(location.hash);

createRoot(root).render(<StrictMode>{selfTest ? <StandaloneSelfTest language={selfTest} /> : <App />}</StrictMode>);

startHeartbeat(kiosk(), root);
