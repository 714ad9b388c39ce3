import fs from 'node:fs';
import { MotionConfig } from 'framer-motion';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { Group, Box3, Vector3 } from 'three';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActiveContent } from '../../../../core/contract.ts';
import type { Exhibit } from '../../../../core/content/schema.ts';
import { ExhibitContext } from '../../../../renderer/content/ContentContext.tsx';
import { initI18n } from '../../../../renderer/i18n.ts';
import type { ViewController } from '../../../../renderer/model/Scene.tsx';
import { freshSession, type Session } from '../../../../renderer/session/session.ts';
import { SessionContext } from '../../../../renderer/session/SessionContext.tsx';
import { asCurrent, validExhibit } from '../../../fixtures/make-package.ts';

// The viewer's interface without WebGL: the canvas and scene are stand-ins that record what
// the interface asks of the camera.
const controller: ViewController = { flyTo: vi.fn(), flyToAnchor: vi.fn(), home: vi.fn(), refresh: vi.fn() };
/** What the viewer last told the scene about motion. */
const scene = { reducedMotion: null as boolean | null };
vi.mock('@react-three/fiber', () => ({ Canvas: ({ children }: { children: ReactNode }) => <>{children}</> }));
vi.mock('../../../../renderer/model/Scene.tsx', () => ({
  Scene: ({ controller: ref, reducedMotion }: { controller: { current: ViewController | null }; reducedMotion: boolean }) => {
    ref.current = controller;
    scene.reducedMotion = reducedMotion;
    return null;
  },
}));
vi.mock('../../../../renderer/model/load-model.ts', async (original) => ({
  ...(await original<typeof import('../../../../renderer/model/load-model.ts')>()),
  loadModel: async () => ({
    scene: new Group(),
    bounds: new Box3(new Vector3(-1, 0, -1), new Vector3(1, 1, 1)),
    variants: ['grey', 'red'],
    selectVariant: () => undefined,
    materialNames: () => [],
    upload: () => undefined,
    dispose: () => undefined,
  }),
}));

const { default: ModelViewer } = await import('../../../../renderer/model/ModelViewer.tsx');

const i18n = initI18n('en');
const raw = validExhibit();
raw.model.liveries = [
  { id: 'grey', variant: 'grey', label: { en: ['Grey'] }, note: { en: ['The first paint.'] } },
  { id: 'red', variant: 'red', label: { en: ['Red'] }, note: { en: ['The later paint.'] } },
];
const exhibit: Exhibit = asCurrent(raw);
const content: ActiveContent = { key: 'k', source: 'default', baseUrl: '/content/k/', exhibit, languages: ['zh-Hans', 'ru', 'en'] };

let root: Root;
let host: HTMLDivElement;

function render(session: Session, reducedMotion: 'always' | 'never' | 'user' = 'user') {
  act(() =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <MotionConfig reducedMotion={reducedMotion}>
          <ExhibitContext.Provider value={{ content, language: 'en', setLanguage: () => undefined }}>
            <SessionContext.Provider value={{ session, dispatch: () => undefined }}>
              <ModelViewer modelId={undefined} visible turntable={false} tourAuto={false} tourInterval={8000} interactive />
            </SessionContext.Provider>
          </ExhibitContext.Provider>
        </MotionConfig>
      </I18nextProvider>,
    ),
  );
}

const button = (name: string) =>
  [...host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;
const tap = (name: string) => act(() => button(name).click());

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // jsdom lays nothing out, so it has no ResizeObserver.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  vi.clearAllMocks();
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.unstubAllGlobals();
});

describe('ModelViewer', () => {
  it('starts a new visitor from the first livery, with no card or tour, at the opening view', async () => {
    const first = freshSession('en');
    render(first);
    await act(async () => undefined);
    expect(button('Grey').getAttribute('aria-pressed')).toBe('true');
    expect(host.textContent).toContain('The first paint.');

    tap('Red');
    expect(button('Red').getAttribute('aria-pressed')).toBe('true');
    expect(host.textContent).toContain('The later paint.');
    expect(host.querySelector('.model-view')!.getAttribute('data-livery')).toBe('red');

    tap('Guided tour');
    expect(controller.flyTo).toHaveBeenCalledWith(exhibit.models[0]!.tour[0]!.camera);
    expect(host.querySelector('.model-info h2')!.textContent).toBe('One');
    expect(host.querySelector('.model-info')!.textContent).toContain('Stop 1 of 1');

    render(freshSession('en', first.id));
    expect(button('Grey').getAttribute('aria-pressed')).toBe('true');
    expect(host.querySelector('.model-info')).toBeNull();
    expect(host.querySelector('.model-view')!.getAttribute('data-livery')).toBe('grey');
    expect(controller.home).toHaveBeenCalledWith(true);
  });

  it("follows the kiosk's own 'less motion' switch (MotionConfig), not only the OS", async () => {
    const session = freshSession('en');
    render(session, 'always');
    await act(async () => undefined);
    expect(scene.reducedMotion).toBe(true);
    render(session, 'never');
    expect(scene.reducedMotion).toBe(false);
  });

  it.each(content.languages)('names every interface string from the %s locale', async (language) => {
    const strings = (JSON.parse(fs.readFileSync(`locales/${language}/common.json`, 'utf8')) as { model: Record<string, string> }).model;
    await act(async () => i18n.changeLanguage(language));
    try {
      render(freshSession(language));
      await act(async () => undefined);
      for (const key of ['tour', 'resetView']) expect(button(strings[key]!), key).toBeDefined();
      act(() => button(strings.tour!).click());
      for (const key of ['endTour', 'next', 'previous']) expect(button(strings[key]!), key).toBeDefined();
      act(() => button(strings.endTour!).click());
      expect(host.querySelector('.model-info')).toBeNull();
    } finally {
      await act(async () => i18n.changeLanguage('en'));
    }
  });
});
