import type { ComponentChildren } from 'preact';

export type ButtonTone = 'primary' | 'secondary' | 'danger';

export interface BigButtonProps {
  onPress: () => void;
  tone?: ButtonTone;
  /** the selector contract's `data-action` */
  action?: string;
  disabled?: boolean;
  label?: string;
  children: ComponentChildren;
  extraAttributes?: Record<string, string>;
}

/** A touch target at least 88 px high with text no smaller than the body text (see styles.css). */
export function BigButton({ onPress, tone = 'primary', action, disabled, label, children, extraAttributes }: BigButtonProps) {
  return (
    <button
      type="button"
      class={`big-button big-button--${tone}`}
      data-action={action}
      aria-label={label}
      disabled={disabled}
      onClick={onPress}
      {...extraAttributes}
    >
      {children}
    </button>
  );
}
