/**
 * One sound at a time: when any of the kiosk's films or narrations starts, every other one
 * pauses. Attract-loop films are muted and are left be.
 */

/** The attribute that marks a visitor's film or narration (the idle clock waits while one plays). */
export const MEDIA_ATTRIBUTE = 'data-kiosk-media';

/** Pauses every marked media element but `playing` (all of them when it is null). */
export function pauseOthers(playing: HTMLMediaElement | null, root: ParentNode = document): void {
  for (const other of root.querySelectorAll<HTMLMediaElement>(`[${MEDIA_ATTRIBUTE}]`))
    if (other !== playing && !other.paused) other.pause();
}

/** Listens for any marked element starting, for the app's life; returns the way to stop listening. */
export function keepOneSoundAtATime(root: Document = document): () => void {
  const onPlay = (event: Event) => {
    const target = event.target;
    if (target instanceof HTMLMediaElement && target.hasAttribute(MEDIA_ATTRIBUTE)) pauseOthers(target, root);
  };
  root.addEventListener('play', onPlay, true);
  return () => root.removeEventListener('play', onPlay, true);
}

/**
 * Lets go of what a media element holds (its decoder, its buffered bytes) when it leaves the
 * screen: a paused element keeps both until its source is emptied.
 */
export function release(element: HTMLMediaElement | null): void {
  if (!element) return;
  element.pause();
  element.removeAttribute('src');
  for (const source of element.querySelectorAll('source')) source.remove();
  element.load();
}
