import type { CSSProperties } from 'react';
import { useAdminGesture } from './useAdminGesture.ts';

const RADIUS = 46;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * Listens for the staff gesture (see useAdminGesture) and, while a corner is held past a tap,
 * draws a faint ring around the finger that fills as the hold goes on: only the one holding it
 * sees it, and nothing says what it is for. Its own component, so a hold re-renders nothing else.
 */
export function AdminGesture({ onOpen, enabled }: { onOpen(): void; enabled: boolean }) {
  const hold = useAdminGesture(onOpen, enabled);
  if (!hold) return null;
  const style = { left: hold.x, top: hold.y, '--hold-ms': `${hold.remainingMs}ms`, '--ring-length': CIRCUMFERENCE } as CSSProperties;
  return (
    <svg
      className="admin-hold-ring"
      data-corner={hold.corner}
      style={style}
      viewBox="0 0 100 100"
      aria-hidden="true"
      data-testid="admin-hold-ring"
    >
      <circle cx="50" cy="50" r={RADIUS} className="admin-hold-track" />
      <circle cx="50" cy="50" r={RADIUS} className="admin-hold-fill" strokeDasharray={CIRCUMFERENCE} transform="rotate(-90 50 50)" />
    </svg>
  );
}
