import '@fontsource-variable/noto-sans-sc';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { lockPage } from './lockdown.ts';
import { loadRussianHyphenation } from './typography/hyphenation.ts';

lockPage();
const idle = (window as Window & { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1500));
idle(() => void loadRussianHyphenation());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
