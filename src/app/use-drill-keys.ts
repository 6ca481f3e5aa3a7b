import { useEffect, useRef } from 'react';

/**
 * Escape goes up one level (the browser's Back does too, through the history). "/" jumps to search.
 * Keys typed into a field are left alone.
 */
export function useDrillKeys(onUp: () => void): void {
  const up = useRef(onUp);
  up.current = onUp;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target?.closest('input, textarea, select, [contenteditable="true"]') !== null && target !== null;
      if (e.key === 'Escape' && !typing) {
        up.current();
      } else if (e.key === '/' && !typing) {
        const search = document.querySelector<HTMLInputElement>('.search input');
        if (search) {
          e.preventDefault();
          search.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
