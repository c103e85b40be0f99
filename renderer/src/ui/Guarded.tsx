import { Button, Tooltip, type ButtonProps } from '@mantine/core';
import type { MouseEvent } from 'react';

/**
 * A button that is unavailable for a reason: it stays focusable, is marked
 * aria-disabled and shows the reason in a tooltip (on hover and on focus).
 */
export function Guarded({
  reason,
  children,
  onClick,
  ...rest
}: ButtonProps & { reason?: string | null; onClick?: (e: MouseEvent<HTMLButtonElement>) => void; type?: 'button' | 'submit'; form?: string; 'data-testid'?: string }) {
  if (!reason) {
    return (
      <Button onClick={onClick} {...rest}>
        {children}
      </Button>
    );
  }
  return (
    <Tooltip label={reason} multiline w={300} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Button {...rest} loading={false} data-disabled aria-disabled="true" onClick={(e) => e.preventDefault()}>
        {children}
      </Button>
    </Tooltip>
  );
}
