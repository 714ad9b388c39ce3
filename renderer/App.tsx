import { AnimatePresence, MotionConfig, motion, useIsPresent, useReducedMotion } from 'framer-motion';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ActiveContent, PublicSettings } from '../core/contract.ts';
import { DEFAULT_LANGUAGE, LANGUAGE } from '../core/content/languages.ts';
import type { AttractItem, Exhibit, Language } from '../core/content/schema.ts';
import { idleTimes, secondsLeft } from '../core/idle.ts';
import { AdminGesture } from './admin/AdminGesture.tsx';
import { AdminScreen } from './admin/AdminScreen.tsx';
import { PinPad } from './admin/PinPad.tsx';
import { AttractLoop } from './idle/AttractLoop.tsx';
import { IdleDialog } from './idle/IdleDialog.tsx';
import { useIdle } from './idle/useIdle.ts';
import { BottomBar } from './components/BottomBar.tsx';
import { ExhibitContext, type ExhibitState } from './content/ContentContext.tsx';
import { initI18n } from './i18n.ts';
import { kiosk } from './kiosk.ts';
import { ListeningMode } from './listening/ListeningMode.tsx';
import { ModelStage } from './model/ModelStage.tsx';
import { CreditsScreen } from './screens/CreditsScreen.tsx';
import { Home } from './screens/Home.tsx';
import { ModelScreen } from './screens/ModelScreen.tsx';
import { SectionScreen } from './screens/SectionScreen.tsx';
import { StoryScreen } from './screens/StoryScreen.tsx';
import { currentScreen, freshSession, sessionReducer, type Screen, type SessionAction } from './session/session.ts';
import { SessionContext } from './session/SessionContext.tsx';

const i18n = initI18n(DEFAULT_LANGUAGE);
setPageLanguage(DEFAULT_LANGUAGE);

/** `<html lang>` and `dir`, from the language record. */
function setPageLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = LANGUAGE[language].direction;
}

/**
 * Switches interface strings and `<html lang>` in the same tick as the exhibit text, so that
 * every word on screen changes in one frame.
 */
function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  setPageLanguage(language);
}

/** The 3D object an attract item shows: its own, else the first. */
function attractModel(item: AttractItem, exhibit: Exhibit): string | undefined {
  return item.model ?? exhibit.models[0]?.id;
}

/** What an attract item opens, as a screen: a 3D object it names, else the one it shows, else the first. */
function screenOf(item: AttractItem, exhibit: Exhibit): Screen {
  const opens = item.opens;
  if (opens.kind === 'story' || opens.kind === 'section') return { kind: opens.kind, id: opens.id };
  if (opens.kind === 'model') {
    const id = opens.id ?? attractModel(item, exhibit);
    return id ? { kind: 'model', id } : { kind: 'home' };
  }
  return { kind: opens.kind };
}

/** The tap that woke the kiosk must not also land on the screen it opens. */
function swallowNextClick(): void {
  const swallow = (e: Event) => {
    e.preventDefault();
    e.stopPropagation();
  };
  window.addEventListener('click', swallow, { capture: true, once: true });
  setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 600);
}

/**
 * Loads what the first screen of a package needs before it is shown, so the switch has no blank
 * frame; tells whether everything loaded (the model included).
 */
async function prepare(next: ActiveContent): Promise<{ ok: boolean; detail?: string }> {
  const { exhibit, baseUrl } = next;
  const pictures = [...exhibit.sections.map((s) => s.cover), ...exhibit.models.map((m) => m.poster)].filter((p): p is string => !!p);
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), 8000));
  try {
    await Promise.race([
      Promise.all([
        ...pictures.map(async (src) => {
          const img = new Image();
          img.src = `${baseUrl}${src}`;
          await img.decode();
        }),
        ...exhibit.models.map((model) =>
          fetch(`${baseUrl}${model.src}`).then((r) => {
            if (!r.ok) throw new Error(`model ${model.id} ${r.status}`);
            return r.arrayBuffer();
          }),
        ),
      ]),
      timeout,
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

/** Two animation frames: the new screen has been drawn. */
const drawn = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

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
      return <ModelScreen id={screen.id} />;
    case 'credits':
      return <CreditsScreen />;
  }
}

const transition = { duration: 0.22, ease: [0.2, 0, 0, 1] as const };

/** A screen that is leaving is out of reach at once: not tappable, not announced, not found by tests. */
function ScreenFrame({ screen }: { screen: Screen }) {
  const present = useIsPresent();
  return (
    <motion.div
      className="screen"
      data-screen={screen.kind}
      inert={!present}
      aria-hidden={!present || undefined}
      initial={{ opacity: 0, y: 12 }}
      animate={{ opacity: 1, y: 0 }}
      exit={{ opacity: 0, transition: { duration: 0.12 } }}
    >
      <ScreenView screen={screen} />
    </motion.div>
  );
}

/** The kiosk: the active package, the visitor's session and the screen. */
export function App() {
  const [content, setContent] = useState<ActiveContent | null>(null);
  const [failed, setFailed] = useState(false);
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const [session, rawDispatch] = useReducer(sessionReducer, undefined, () => freshSession(DEFAULT_LANGUAGE));
  /** New content keeps the language of whoever is looking (staff installing it, usually). */
  const languageRef = useRef(session.language);
  languageRef.current = session.language;

  const dispatch = useCallback((action: SessionAction) => {
    if (action.type === 'language' || action.type === 'reset') applyLanguage(action.language);
    rawDispatch(action);
  }, []);

  useEffect(() => {
    let live = true;
    const adopt = async (next: ActiveContent, first = false) => {
      const ready = first ? { ok: true } : await prepare(next);
      if (!live) return;
      setContent(next);
      const current = languageRef.current;
      dispatch({ type: 'reset', language: !first && next.languages.includes(current) ? current : next.exhibit.languages.default });
      await drawn();
      if (first) return;
      void kiosk()
        .invoke('content:health', { key: next.key, ok: ready.ok, ...(ready.detail ? { detail: ready.detail } : {}) })
        .catch(() => undefined);
    };
    kiosk()
      .invoke('content:current')
      .then(
        (next) => adopt(next, true),
        () => live && setFailed(true),
      );
    kiosk()
      .invoke('settings:get')
      .then(
        (s) => live && setSettings(s),
        () => live && setSettings({ idleSeconds: null, countdownSeconds: null }),
      );
    const off = kiosk().on('content:changed', (next) => void adopt(next));
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
  const exhibitState = useMemo<ExhibitState | null>(
    () => (content ? { content, language: session.language, setLanguage } : null),
    [content, session.language, setLanguage],
  );
  const sessionValue = useMemo(() => ({ session, dispatch }), [session, dispatch]);
  const screen = currentScreen(session);
  const reduced = useReducedMotion() || session.reducedMotion;
  const times = useMemo(() => (content && settings ? idleTimes(content.exhibit.attract.idle, settings) : null), [content, settings]);
  const [admin, setAdmin] = useState<'closed' | 'pin' | 'open'>('closed');
  // Staff at the PIN pad or the admin screen are not visitors: the visitor's idle clock stops
  // there (a check or an import can take minutes; the admin side locks itself on the host after
  // ten minutes without a request) and starts afresh when they close it.
  const idle = useIdle(admin === 'closed' ? times : null);
  const defaultLanguage = content?.exhibit.languages.default;

  useEffect(() => {
    if (idle.state.phase !== 'attract') return;
    if (defaultLanguage) dispatch({ type: 'reset', language: defaultLanguage });
    setAdmin((a) => {
      if (a === 'open')
        void kiosk()
          .invoke('admin:lock')
          .catch(() => undefined);
      return 'closed';
    });
  }, [idle.state.phase, defaultLanguage, dispatch]);

  const [attractItem, setAttractItem] = useState<AttractItem | null>(null);
  const onAttractItem = useCallback((item: AttractItem) => setAttractItem(item), []);
  const attracting = idle.state.phase === 'attract';
  const turntable = attracting && attractItem?.type === 'model';
  // The one stage shows the object on screen, or the one the attract loop turns; hidden, it keeps the last.
  const wanted =
    screen.kind === 'model' ? screen.id : turntable && attractItem && content ? attractModel(attractItem, content.exhibit) : undefined;
  const [stageModel, setStageModel] = useState<string | undefined>(undefined);
  if (wanted !== undefined && wanted !== stageModel) setStageModel(wanted);

  const wake = useCallback(
    (item: AttractItem) => {
      if (!defaultLanguage) return;
      swallowNextClick();
      if (content) dispatch({ type: 'reset', language: defaultLanguage, screen: screenOf(item, content.exhibit) });
      idle.wake();
    },
    [defaultLanguage, dispatch, idle, content],
  );

  useEffect(() => {
    document.documentElement.classList.toggle('large-text', session.largeText);
  }, [session.largeText]);

  useEffect(() => {
    document.documentElement.classList.toggle('reduced-motion', session.reducedMotion);
  }, [session.reducedMotion]);

  // Behind the attract loop, the idle dialog, the PIN pad and the admin screen nothing can be
  // reached or announced: only what lies on top.
  const covered = attracting || idle.state.phase === 'warning' || admin !== 'closed';

  return (
    <I18nextProvider i18n={i18n}>
      <MotionConfig reducedMotion={session.reducedMotion ? 'always' : 'user'} transition={reduced ? { duration: 0 } : transition}>
        {exhibitState ? (
          <ExhibitContext.Provider value={exhibitState}>
            <SessionContext.Provider value={sessionValue}>
              <div
                className={session.largeText ? 'kiosk large-text' : 'kiosk'}
                lang={session.language}
                data-session={session.id}
                data-attract={attracting || undefined}
              >
                <div className="kiosk-content" inert={covered} aria-hidden={covered || undefined}>
                  <div className="stage" key={session.id}>
                    <AnimatePresence initial={false}>
                      <ScreenFrame key={screenKey(screen)} screen={screen} />
                    </AnimatePresence>
                  </div>
                  <ModelStage
                    model={stageModel}
                    visible={screen.kind === 'model' || turntable}
                    turntable={turntable}
                    interactive={!turntable}
                  />
                  <BottomBar />
                  <ListeningMode />
                </div>
                {idle.state.phase === 'warning' && times && <IdleDialog seconds={secondsLeft(idle.state, times, idle.now)} />}
                {attracting && <AttractLoop onWake={wake} onItem={onAttractItem} />}
                <AdminGesture onOpen={() => setAdmin('pin')} enabled={admin === 'closed'} />
                {admin === 'pin' && <PinPad onUnlocked={() => setAdmin('open')} onCancel={() => setAdmin('closed')} />}
                {admin === 'open' && <AdminScreen onClose={() => setAdmin('closed')} />}
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
