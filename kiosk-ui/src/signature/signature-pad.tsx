import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/language-context.tsx';
import { extendStroke, isSigned, type Stroke } from './strokes.ts';
import './signature.css';

export interface SignaturePadProps {
  /** called with a PNG data URL once the ink is enough to be a signature, and null when cleared */
  onChange: (signature: string | null) => void;
}

/**
 * 手写签名 on the screen: pointer events draw on a canvas (finger, stylus or mouse), "write again"
 * clears it. Only the picture leaves the component; the strokes live in this component's state and
 * vanish with it when the screen (and so the session) ends.
 */
export function SignaturePad({ onChange }: SignaturePadProps) {
  const { t } = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const drawing = useRef<Stroke | null>(null);

  // Draw at device resolution so the signature is not blurred on a high-DPI panel.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(canvas.clientWidth * ratio);
    canvas.height = Math.round(canvas.clientHeight * ratio);
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, canvas.clientWidth, canvas.clientHeight);
    context.lineWidth = 5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#0d1b2a';
    for (const stroke of [...strokes, ...(drawing.current ? [drawing.current] : [])]) {
      if (stroke.length === 0) continue;
      context.beginPath();
      context.moveTo(stroke[0]!.x, stroke[0]!.y);
      for (const point of stroke.slice(1)) context.lineTo(point.x, point.y);
      // a single point still leaves a dot
      if (stroke.length === 1) context.lineTo(stroke[0]!.x + 0.1, stroke[0]!.y);
      context.stroke();
    }
  });

  const pointOf = (event: PointerEvent) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return { point: { x: event.clientX - rect.left, y: event.clientY - rect.top }, size: { width: rect.width, height: rect.height } };
  };
  const [, redraw] = useState(0);
  const finish = () => {
    if (!drawing.current) return;
    const next = [...strokes, drawing.current];
    drawing.current = null;
    setStrokes(next);
    onChange(isSigned(next) ? (canvasRef.current?.toDataURL('image/png') ?? null) : null);
  };

  const signed = isSigned(strokes);
  return (
    <div class="signature">
      <canvas
        ref={canvasRef}
        class="signature__canvas"
        role="img"
        aria-label={t('signature.label')}
        data-testid="signature-pad"
        data-signed={String(signed)}
        onPointerDown={(event) => {
          canvasRef.current?.setPointerCapture(event.pointerId);
          const { point, size } = pointOf(event);
          drawing.current = extendStroke([], point, size);
          redraw((count) => count + 1);
        }}
        onPointerMove={(event) => {
          if (!drawing.current) return;
          const { point, size } = pointOf(event);
          drawing.current = extendStroke(drawing.current, point, size);
          redraw((count) => count + 1);
        }}
        onPointerUp={finish}
        onPointerCancel={finish}
      />
      <div class="signature__bar">
        <span class="note" aria-live="polite">
          {signed ? '' : t('signature.empty')}
        </span>
        <button
          type="button"
          class="big-button big-button--secondary"
          data-action="clear-signature"
          disabled={strokes.length === 0}
          onClick={() => {
            setStrokes([]);
            onChange(null);
          }}
        >
          {t('signature.clear')}
        </button>
      </div>
    </div>
  );
}
