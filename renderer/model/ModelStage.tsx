import { lazy, Suspense, useState, type Ref } from 'react';
import './model.css';

const ModelViewer = lazy(() => import('./ModelViewer.tsx'));

/** What the attract loop (or anything else holding a ref) can ask of the 3D stage. */
export interface ModelStageHandle {
  /** Back to the start: the opening view, the first livery, no card, no tour. */
  reset(): void;
  /** The next stop of the guided tour (the first, when no tour is running); wraps around. */
  nextStop(): void;
  /** The previous stop of the guided tour; wraps around. */
  previousStop(): void;
}

export interface ModelStageProps {
  /** Which of the exhibit's 3D objects to show (the first when not given); a change loads the other in the same canvas. */
  model?: string | undefined;
  /** Shown, and drawing on demand; when false it draws nothing and takes no input. */
  visible: boolean;
  /**
   * The attract loop's slow turntable: the camera circles the model at about 7° a second,
   * drawn at most 20 times a second (the turn follows the clock, so a slow machine turns as
   * fast in fewer frames). When `interactive`, a finger on the view holds it still.
   */
  turntable?: boolean;
  /**
   * The attract loop's self-running tour: starts the guided tour and moves to the next stop
   * every `tourInterval` milliseconds (8 s unless given), wrapping around. The same stops as a
   * visitor's Next button: the camera flies to each, and when `interactive` the stop's card
   * and highlighted marker show too. Turning it off leaves the tour where it is; `reset()` (or
   * a new session) ends it.
   */
  tourAuto?: boolean;
  tourInterval?: number;
  /**
   * False for the attract loop: no markers, buttons or cards, and gestures are ignored; the
   * model alone, with its title.
   */
  interactive?: boolean;
  /** The handle is null until the viewer's code has loaded, the first time the stage is shown. */
  ref?: Ref<ModelStageHandle>;
}

/**
 * The 3D stage, mounted once for the life of the app so the kiosk holds one WebGL context for
 * all its 3D objects (another object loads into the same canvas):
 * the viewer's code (three.js and React Three Fiber) loads the first time the stage is shown,
 * then stays, hidden and idle, between visits. When the session changes it resets itself.
 */
export function ModelStage({
  model,
  visible,
  turntable = false,
  tourAuto = false,
  tourInterval = 8000,
  interactive = true,
  ref,
}: ModelStageProps) {
  const [opened, setOpened] = useState(visible);
  if (visible && !opened) setOpened(true);
  return (
    <div className="model-stage" data-visible={visible} inert={!visible}>
      {opened && (
        <Suspense fallback={null}>
          <ModelViewer
            modelId={model}
            visible={visible}
            turntable={turntable}
            tourAuto={tourAuto}
            tourInterval={tourInterval}
            interactive={interactive}
            handle={ref}
          />
        </Suspense>
      )}
    </div>
  );
}
