import { useEffect, useRef } from 'preact/hooks';

/** How long the hidden corner must be held: a 5 s press on a corner opens technician mode. */
export const cornerHoldMs = 5_000;

/**
 * An invisible square in the top-left corner. Holding it for 5 s calls `onHeld`; lifting the
 * finger, sliding off or a second finger cancels. It is not a button (no focus, no role): a citizen
 * tapping there meets nothing.
 */
export function CornerHold({ onHeld }: { onHeld: () => void }) {
  const timer = useRef<number | null>(null);
  const cancel = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancel, []);
  return (
    <div
      class="technician-corner"
      aria-hidden="true"
      data-technician-corner=""
      onPointerDown={(event) => {
        cancel();
        if (!event.isPrimary) return;
        timer.current = window.setTimeout(() => {
          timer.current = null;
          onHeld();
        }, cornerHoldMs);
      }}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onContextMenu={(event) => event.preventDefault()}
    />
  );
}
