import { Canvas } from '@react-three/fiber';
import { useReducedMotionConfig } from 'framer-motion';
import { useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { NeutralToneMapping } from 'three';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { hotspotAnchors } from './anchors.ts';
import { HotspotMarkers } from './HotspotMarkers.tsx';
import { InfoCard } from './InfoCard.tsx';
import { LiveryToggle } from './LiveryToggle.tsx';
import { loadModel, type LoadedModel } from './load-model.ts';
import type { ModelStageHandle } from './ModelStage.tsx';
import { Scene, type Band, type ViewController } from './Scene.tsx';

interface ViewerProps {
  modelId: string | undefined;
  visible: boolean;
  turntable: boolean;
  tourAuto: boolean;
  tourInterval: number;
  interactive: boolean;
  handle?: Ref<ModelStageHandle>;
}

const GL = { antialias: true, alpha: true, powerPreference: 'high-performance', toneMapping: NeutralToneMapping } as const;
/** R3F's pointer events stay off: the view's gestures are three's OrbitControls and its own tap test. */
const NO_EVENTS = () => ({ enabled: false, priority: 0 });

function ResetIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
      <path
        d="M4.5 12a7.5 7.5 0 1 0 2.2-5.3M4.5 4v4.5H9"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function TourIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
      <path
        d="M5 19V5l7 4 7-4v14M5 12l7 4 7-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.1"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** One 3D object of the exhibit: canvas, numbered parts, cards, livery toggle and guided tour. Loaded lazily by `ModelStage`. */
export default function ModelViewer({ modelId, visible, turntable, tourAuto, tourInterval, interactive, handle }: ViewerProps) {
  const { t } = useTranslation();
  const { content } = useExhibit();
  const { session } = useSession();
  // The OS setting or the kiosk's own 'less motion' switch (App's <MotionConfig reducedMotion>).
  const reducedMotion = useReducedMotionConfig() ?? false;
  const model = content.exhibit.models.find((m) => m.id === modelId) ?? content.exhibit.models[0];
  const url = model ? `${content.baseUrl}${model.src}` : null;

  // The model loaded, with the file it came from: another object's model is never shown under this one's title and parts.
  const [loadedFile, setLoadedFile] = useState<{ url: string; model: LoadedModel } | null>(null);
  const loaded = loadedFile && loadedFile.url === url ? loadedFile.model : null;
  const [failed, setFailed] = useState(false);
  const [drawn, setDrawn] = useState<LoadedModel | null>(null);
  const [context, setContext] = useState<'ok' | 'lost'>('ok');
  const [maxPixelRatio] = useState(() => Math.min(2, Math.max(1, window.devicePixelRatio || 1)));
  const [pixelRatio, setPixelRatio] = useState(maxPixelRatio);
  // The first livery is the one the poster (the Home card, the loading picture) shows: the view opens on it.
  const firstLivery = model?.liveries[0]?.id ?? null;
  const [livery, setLivery] = useState<string | null>(firstLivery);
  const [selected, setSelected] = useState<string | null>(null);
  const [stop, setStop] = useState<number | null>(null);
  const [touched, setTouched] = useState(false);
  // The visitor let a stop's narration play to its end: the tour goes on, each stop's narration following the last.
  const [listening, setListening] = useState(false);
  // Another object on the same stage opens as its first visitor finds it: its first livery, no card, no tour.
  const [shownModel, setShownModel] = useState(model?.id);
  if (shownModel !== model?.id) {
    setShownModel(model?.id);
    setFailed(false);
    setLivery(firstLivery);
    setSelected(null);
    setStop(null);
    setTouched(false);
    setListening(false);
  }

  const view = useRef<HTMLElement | null>(null);
  const headingId = useId();
  const markers = useRef(new Map<string, HTMLElement>());
  const controller = useRef<ViewController | null>(null);

  useEffect(() => {
    if (!url) return;
    const abort = new AbortController();
    let mine: LoadedModel | null = null;
    loadModel(url, abort.signal).then(
      (m) => {
        if (abort.signal.aborted) return m.dispose();
        mine = m;
        setFailed(false);
        setLoadedFile({ url, model: m });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        console.error('The 3D model could not be loaded:', error);
        setFailed(true);
      },
    );
    return () => {
      abort.abort();
      setLoadedFile(null);
      mine?.dispose();
    };
  }, [url]);

  const anchors = useMemo(() => (loaded && model ? hotspotAnchors(loaded.scene, model.hotspots) : []), [loaded, model]);
  useEffect(() => controller.current?.refresh(), [anchors, interactive]);

  const variant = model?.liveries.find((l) => l.id === livery)?.variant ?? null;

  const latest = useRef({ stop, tourLength: model?.tour.length ?? 0 });
  latest.current = { stop, tourLength: model?.tour.length ?? 0 };

  const goToStop = useCallback(
    (index: number) => {
      const tourStop = model?.tour[index];
      if (!tourStop) return;
      setSelected(null);
      setStop(index);
      controller.current?.flyTo(tourStop.camera);
    },
    [model],
  );
  const step = useCallback(
    (by: 1 | -1) => {
      const { stop: current, tourLength } = latest.current;
      if (tourLength === 0) return;
      goToStop(current === null ? 0 : (current + by + tourLength) % tourLength);
    },
    [goToStop],
  );

  const openHotspot = useCallback(
    (id: string) => {
      const hotspot = model?.hotspots.find((h) => h.id === id);
      if (!hotspot) return;
      setStop(null);
      setListening(false);
      setSelected(id);
      if (hotspot.camera) controller.current?.flyTo(hotspot.camera);
      else controller.current?.flyToAnchor(id);
    },
    [model],
  );

  const reset = useCallback(() => {
    setSelected(null);
    setStop(null);
    setListening(false);
    setTouched(false);
    setLivery(firstLivery);
    controller.current?.home(true);
  }, [firstLivery]);

  // A new visitor (or a new package) finds the tractor as the first visitor did.
  const sessionSeen = useRef(session.id);
  useEffect(() => {
    if (sessionSeen.current === session.id) return;
    sessionSeen.current = session.id;
    reset();
  }, [session.id, reset]);

  useImperativeHandle(handle, () => ({ reset, nextStop: () => step(1), previousStop: () => step(-1) }), [reset, step]);

  useEffect(() => {
    if (!tourAuto || !visible) return;
    if (latest.current.stop === null) step(1);
    const timer = window.setInterval(() => step(1), tourInterval);
    return () => window.clearInterval(timer);
  }, [tourAuto, visible, tourInterval, step]);

  // The clear band between the title and the controls: the model is framed in it, not behind them.
  const [band, setBand] = useState<Band | null>(null);
  const bandKey = useRef('');
  useLayoutEffect(() => {
    const el = view.current;
    if (!el) return;
    const measure = () => {
      const box = el.getBoundingClientRect();
      const header = el.querySelector('.model-header')?.getBoundingClientRect();
      const panels = [...el.querySelectorAll('.model-livery, .model-actions, .model-info')].map((c) => ({
        card: c.classList.contains('model-info'),
        rect: c.getBoundingClientRect(),
      }));
      const top = header ? header.bottom - box.top : 0;
      // A card counts only where it runs across the screen (portrait); beside the model it does not.
      const across = (card: boolean, rect: DOMRect) => !card || rect.width > box.width * 0.6;
      const tops = panels.filter(({ card, rect }) => across(card, rect)).map(({ rect }) => rect.top - box.top);
      const bottom = tops.length ? Math.min(...tops) : box.height;
      // A card beside the model (landscape) narrows the area to its left instead.
      const lefts = panels.filter(({ card, rect }) => !across(card, rect)).map(({ rect }) => rect.left - box.left);
      const right = lefts.length ? Math.min(...lefts) : box.width;
      const covered = panels.map(({ rect }) => ({
        left: rect.left - box.left,
        top: rect.top - box.top,
        right: rect.right - box.left,
        bottom: rect.bottom - box.top,
      }));
      const key = [top, bottom, right, ...covered.flatMap((r) => [r.left, r.top, r.right, r.bottom])].map(Math.round).join();
      if (key === bandKey.current) return;
      bandKey.current = key;
      setBand({ top, bottom, left: 0, right, covered });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    for (const child of el.querySelectorAll('.model-header, .model-livery, .model-actions, .model-info')) observer.observe(child);
    return () => observer.disconnect();
  }, [interactive, content, selected, stop]);

  const endTour = () => {
    setStop(null);
    setListening(false);
  };

  const onContext = useCallback((state: 'ok' | 'lost') => setContext(state), []);
  const onDrawn = useCallback((m: LoadedModel) => setDrawn(m), []);

  if (!model) return null;
  const ready = loaded !== null && drawn === loaded;
  const showPoster = !ready || context === 'lost' || failed;
  const tourStop = stop !== null ? model.tour[stop] : undefined;
  const hotspot = selected !== null ? model.hotspots.find((h) => h.id === selected) : undefined;
  const highlighted = selected ?? tourStop?.hotspot ?? null;
  const anchorNumber = (id: string) => anchors.find((a) => a.id === id)?.number;

  return (
    <section
      ref={view}
      aria-labelledby={headingId}
      className={interactive ? 'model-view' : 'model-view passive'}
      data-ready={ready}
      data-context={context}
      data-livery={variant ?? ''}
      data-tour-stop={stop ?? ''}
      data-hotspot={selected ?? ''}
      data-model={model.id}
      data-listening={listening}
      onPointerDown={() => setTouched(true)}
    >
      <Canvas
        className="model-canvas"
        frameloop={visible ? 'demand' : 'never'}
        dpr={pixelRatio}
        gl={GL}
        camera={{ fov: 35, near: 0.05, far: 200, position: [...model.camera.position] }}
        events={NO_EVENTS}
      >
        <Scene
          model={loaded}
          variant={variant}
          camera={model.camera}
          anchors={anchors}
          band={interactive ? band : null}
          markers={markers}
          view={view}
          controller={controller}
          visible={visible}
          interactive={interactive}
          turntable={turntable}
          reducedMotion={reducedMotion}
          maxPixelRatio={maxPixelRatio}
          onPixelRatio={setPixelRatio}
          onContext={onContext}
          onDrawn={onDrawn}
        />
      </Canvas>
      {interactive && (
        <HotspotMarkers
          anchors={anchors}
          hotspots={model.hotspots}
          highlighted={highlighted}
          markers={markers}
          onOpen={openHotspot}
          hidden={showPoster}
        />
      )}
      {showPoster && (
        <div className="model-fallback">
          <img className="model-fallback-poster" src={`${content.baseUrl}${model.poster}`} alt="" draggable={false} />
          <p className="model-status" role="status">
            {failed || context === 'lost' ? t('model.unavailable') : t('model.loading')}
          </p>
        </div>
      )}
      <div className="model-overlay">
        <header className="model-header">
          <Text as="h1" className="model-heading" map={model.title} id={headingId} />
          {interactive && (
            <p className="model-hint" data-hidden={touched} aria-hidden={touched}>
              {t('model.hint')}
            </p>
          )}
        </header>
        {interactive && hotspot && (
          <InfoCard
            key={hotspot.id}
            kicker={t('model.part', { n: anchorNumber(hotspot.id) ?? model.hotspots.indexOf(hotspot) + 1 })}
            title={hotspot.title}
            text={hotspot.text}
            narration={hotspot.narration}
            onClose={() => setSelected(null)}
          />
        )}
        {interactive && tourStop && stop !== null && (
          <InfoCard
            key={tourStop.id}
            kicker={t('model.tourStop', { n: stop + 1, total: model.tour.length })}
            title={tourStop.title}
            text={tourStop.text}
            onClose={endTour}
            closeLabel={t('model.endTour')}
            onPrevious={() => step(-1)}
            onNext={() => step(1)}
            narration={tourStop.narration}
            listening={listening}
            onNarrationEnded={() => {
              // The tour goes on with the narration; the listening ends at the last stop, or at a stop with nothing to hear.
              if (stop >= model.tour.length - 1) return setListening(false);
              setListening(model.tour[stop + 1]?.narration !== undefined);
              step(1);
            }}
          />
        )}
        {interactive && model.liveries.length > 1 && <LiveryToggle liveries={model.liveries} current={livery} onChange={setLivery} />}
        {interactive && (
          <div className="model-actions">
            {model.tour.length > 0 && (
              <button
                type="button"
                className="model-action"
                aria-pressed={stop !== null}
                onClick={() => (stop === null ? goToStop(0) : endTour())}
              >
                <TourIcon />
                <span>{t('model.tour')}</span>
              </button>
            )}
            <button type="button" className="model-action" onClick={() => controller.current?.home()}>
              <ResetIcon />
              <span>{t('model.resetView')}</span>
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
