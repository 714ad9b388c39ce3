import { AnimatePresence, MotionConfig, motion } from 'framer-motion';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ActiveContent } from '../core/contract.ts';
import type { Language } from '../core/content/schema.ts';
import { BottomBar } from './components/BottomBar.tsx';
import { ExhibitContext, type ExhibitState } from './content/ContentContext.tsx';
import { initI18n } from './i18n.ts';
import { kiosk } from './kiosk.ts';
import { ModelStage } from './model/ModelStage.tsx';
import { CreditsScreen } from './screens/CreditsScreen.tsx';
import { Home } from './screens/Home.tsx';
import { ModelScreen } from './screens/ModelScreen.tsx';
import { SectionScreen } from './screens/SectionScreen.tsx';
import { StoryScreen } from './screens/StoryScreen.tsx';
import { currentScreen, freshSession, sessionReducer, type Screen, type SessionAction } from './session/session.ts';
import { SessionContext } from './session/SessionContext.tsx';

const i18n = initI18n('zh-Hans');

/**
 * Switches interface strings and `<html lang>` in the same tick as the exhibit text, so that
 * every word on screen changes in one frame.
 */
function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

function screenKey(screen: Screen): string {
  return 'id' in screen ? `${screen.kind}:${screen.id}` : screen.kind;
}

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen.kind) {
    case 'home':
      return <Home />;
    case 'section':
      return <SectionScreen id={screen.id} />;
    case 'story':
      return <StoryScreen id={screen.id} />;
    case 'model':
      return <ModelScreen />;
    case 'credits':
      return <CreditsScreen />;
  }
}

const transition = { duration: 0.22, ease: [0.2, 0, 0, 1] as const };

/** The kiosk: the active package, the visitor's session and the screen. */
export function App() {
  const [content, setContent] = useState<ActiveContent | null>(null);
  const [failed, setFailed] = useState(false);
  const [session, rawDispatch] = useReducer(sessionReducer, undefined, () => freshSession('zh-Hans'));

  const dispatch = useCallback((action: SessionAction) => {
    if (action.type === 'language' || action.type === 'reset') applyLanguage(action.language);
    rawDispatch(action);
  }, []);

  useEffect(() => {
    let live = true;
    const adopt = (next: ActiveContent) => {
      if (!live) return;
      setContent(next);
      dispatch({ type: 'reset', language: next.exhibit.languages.default });
    };
    kiosk()
      .invoke('content:current')
      .then(adopt, () => live && setFailed(true));
    const off = kiosk().on('content:changed', adopt);
    return () => {
      live = false;
      off();
    };
  }, [dispatch]);

  const setLanguage = useCallback(
    (language: Language) => {
      if (content?.languages.includes(language)) dispatch({ type: 'language', language });
    },
    [content, dispatch],
  );
  const exhibitState = useMemo<ExhibitState | null>(() => (content ? { content, language: session.language, setLanguage } : null), [content, session.language, setLanguage]);
  const sessionValue = useMemo(() => ({ session, dispatch }), [session, dispatch]);
  const screen = currentScreen(session);

  return (
    <I18nextProvider i18n={i18n}>
      <MotionConfig reducedMotion="user" transition={transition}>
        {exhibitState ? (
          <ExhibitContext.Provider value={exhibitState}>
            <SessionContext.Provider value={sessionValue}>
              <div className={session.largeText ? 'kiosk large-text' : 'kiosk'} lang={session.language} data-session={session.id}>
                <div className="stage" key={session.id}>
                  <AnimatePresence initial={false}>
                    <motion.div
                      key={screenKey(screen)}
                      className="screen"
                      data-screen={screen.kind}
                      initial={{ opacity: 0, y: 12 }}
                      animate={{ opacity: 1, y: 0 }}
                      exit={{ opacity: 0, transition: { duration: 0.12 } }}
                    >
                      <ScreenView screen={screen} />
                    </motion.div>
                  </AnimatePresence>
                </div>
                <ModelStage visible={screen.kind === 'model'} />
                <BottomBar />
              </div>
            </SessionContext.Provider>
          </ExhibitContext.Provider>
        ) : (
          <p className="kiosk-status" role="status">
            {failed ? i18n.t('app.unavailable') : i18n.t('app.loading')}
          </p>
        )}
      </MotionConfig>
    </I18nextProvider>
  );
}
