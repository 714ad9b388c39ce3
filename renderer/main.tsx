import '@fontsource-variable/noto-sans-sc';
import '@fontsource-variable/source-sans-3';
import '@fontsource-variable/source-sans-3/wght-italic.css';
// The stylesheets in the cascade's order (where two rules tie, the later wins): the base, then the
// screens and components, bar to staff. Kept here rather than in each component, whose import
// order would otherwise decide it.
import './base.css';
import './components/bottom-bar.css';
import './components/language-switcher.css';
import './screens/home.css';
import './screens/section.css';
import './panels/panel.css';
import './components/credit.css';
import './screens/credits.css';
import './screens/story.css';
import './media/media.css';
import './panels/more.css';
import './story/before-after.css';
import './idle/idle-dialog.css';
import './idle/attract.css';
import './admin/pin-pad.css';
import './admin/admin.css';
import './admin/admin-gesture.css';
import './typography/typography.css';
import './touch.css';
import './motion.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startHeartbeat } from './heartbeat.ts';
import { kiosk } from './kiosk.ts';
import { lockPage } from './lockdown.ts';
import { keepOneSoundAtATime } from './media/one-at-a-time.ts';
import { trackPressed } from './pressed.ts';
import { loadHyphenation } from './typography/hyphenation.ts';
import { adoptLanguageStyles } from './typography/language-styles.ts';

lockPage();
keepOneSoundAtATime();
adoptLanguageStyles();
trackPressed();
const idle =
  (window as Window & { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1500));
idle(() => void loadHyphenation());

const root = document.getElementById('root')!;

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

startHeartbeat(kiosk(), root);
