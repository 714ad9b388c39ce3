/** What a finger can press. */
const CONTROL = 'button, [role="button"]';

/**
 * Marks the control under each finger with `data-pressed` from its pointerdown until the
 * finger lifts or the browser takes the gesture over (a scroll: pointercancel), so touch.css
 * can show the press in the next frame. Chromium applies :active under touch only after its
 * show-press delay, and not at all to a touch that a page handler cancels. Listens in the
 * capture phase, so no handler below can hide a press from it. Returns its removal.
 */
export function trackPressed(root: Document = document): () => void {
  const pressed = new Map<number, Element>();
  const release = (e: PointerEvent) => {
    const el = pressed.get(e.pointerId);
    if (!el) return;
    pressed.delete(e.pointerId);
    if (![...pressed.values()].includes(el)) el.removeAttribute('data-pressed');
  };
  const press = (e: PointerEvent) => {
    release(e);
    const el = e.target instanceof Element ? e.target.closest(CONTROL) : null;
    if (!el || el.matches(':disabled, [aria-disabled="true"]') || el.closest('[inert]')) return;
    pressed.set(e.pointerId, el);
    el.setAttribute('data-pressed', '');
  };
  const options = { capture: true, passive: true };
  root.addEventListener('pointerdown', press, options);
  root.addEventListener('pointerup', release, options);
  root.addEventListener('pointercancel', release, options);
  return () => {
    root.removeEventListener('pointerdown', press, options);
    root.removeEventListener('pointerup', release, options);
    root.removeEventListener('pointercancel', release, options);
    for (const el of pressed.values()) el.removeAttribute('data-pressed');
    pressed.clear();
  };
}
