/**
 * A part of a screen drawn again only when one of `deps` changed (compared as
 * plain data: a controlled form copies all its values on every change, so
 * equal parts are not the same objects). The parts a change does not touch
 * keep what they drew: the intake's documents while a name is typed, a list's
 * filters while its pages are turned. `children` is called with the screen as
 * it was when the deps last changed; its handlers must write through setters
 * that do not change (a form's, a state's).
 */
import { memo, type ReactNode } from 'react';
import { sameValues } from './forms';

export const Part = memo(
  function Part({ children }: { deps: readonly unknown[]; children: () => ReactNode }) {
    return children();
  },
  (a, b) => a.deps.length === b.deps.length && a.deps.every((d, i) => sameValues(d, b.deps[i])),
);
