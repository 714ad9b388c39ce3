/**
 * What the page itself must refuse on a public touchscreen, whichever host runs it: context and
 * long-press menus, text selection, dragging pictures out, and browser zoom by wheel or keys.
 */
export function lockPage(target: Window = window): () => void {
  const prevent = (e: Event) => e.preventDefault();
  const wheel = (e: WheelEvent) => {
    if (e.ctrlKey) e.preventDefault();
  };
  const keys = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0', 'p', 's', 'o', 'f', 'u'].includes(e.key.toLowerCase())) e.preventDefault();
  };
  target.addEventListener('contextmenu', prevent);
  target.addEventListener('selectstart', prevent);
  target.addEventListener('dragstart', prevent);
  target.addEventListener('gesturestart', prevent);
  target.addEventListener('wheel', wheel, { passive: false });
  target.addEventListener('keydown', keys);
  return () => {
    target.removeEventListener('contextmenu', prevent);
    target.removeEventListener('selectstart', prevent);
    target.removeEventListener('dragstart', prevent);
    target.removeEventListener('gesturestart', prevent);
    target.removeEventListener('wheel', wheel);
    target.removeEventListener('keydown', keys);
  };
}
