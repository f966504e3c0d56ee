import { useEffect, useRef } from 'preact/hooks';

/**
 * Moves focus to the element when it appears: each new screen's heading, or a dialog's main button.
 * A screen reader then starts reading there, and a keyboard user is never left on a vanished button.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}
