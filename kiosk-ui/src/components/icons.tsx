// Line icons drawn as SVG, so they look the same on every kiosk image (emoji depend on a colour
// emoji font the kiosk may not have, and show as empty boxes without one).
interface IconProps {
  size?: number;
}

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 2.2,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
} as const;

export function PrinterIcon({ size = 64 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path {...stroke} d="M14 18V6h20v12" />
      <rect {...stroke} x="6" y="18" width="36" height="16" rx="3" />
      <path {...stroke} d="M14 28h20v14H14z" />
      <path {...stroke} d="M18 33h12M18 37h8" />
      <circle cx="36" cy="23" r="1.8" fill="currentColor" />
    </svg>
  );
}

export function DocumentIcon({ size = 96 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path {...stroke} d="M12 4h17l9 9v31H12z" />
      <path {...stroke} d="M29 4v9h9" />
      <path {...stroke} d="M17 22h16M17 28h16M17 34h10" />
    </svg>
  );
}

export function IdCardIcon({ size = 96 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <rect {...stroke} x="4" y="10" width="40" height="28" rx="3" />
      <circle {...stroke} cx="15" cy="22" r="4" />
      <path {...stroke} d="M8 32c1.5-4 4-5.5 7-5.5s5.5 1.5 7 5.5" />
      <path {...stroke} d="M27 19h12M27 25h12M27 31h8" />
    </svg>
  );
}

export function SpeakerIcon({ size = 36 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path {...stroke} d="M8 18h8l10-8v28l-10-8H8z" />
      <path {...stroke} d="M32 17c2.5 2 4 4.5 4 7s-1.5 5-4 7M37 11c4.5 3.5 7 8 7 13s-2.5 9.5-7 13" />
    </svg>
  );
}
