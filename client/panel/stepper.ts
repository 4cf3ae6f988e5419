/**
 * A slider or a pair of steppers beside a number field (issue 14: "sliders or steppers where a
 * number has a range"). Shares, years and levels have a fixed range and get a slider; yearly
 * amounts get − and + buttons. Both are for pointer and touch: the number field itself is the
 * keyboard and screen-reader control (a spin button: arrow keys step it, its range is read out),
 * so these stay out of the Tab order and the accessibility tree instead of doubling every stop.
 */
import { h } from './dom';
import { toDisplay, type NumericField } from './panel-model';

export interface RangeAssist {
  element: HTMLElement;
  /** Follow the number field after it changed. */
  sync(): void;
}

export function rangeAssist(
  field: NumericField,
  input: HTMLInputElement,
  /** Put a display value into the field as if typed. */
  set: (display: number) => void,
): RangeAssist {
  const min = toDisplay(field, field.min);
  const max = toDisplay(field, field.max);
  const step = toDisplay(field, field.step);
  const current = (): number => {
    const value = Number(input.value);
    return Number.isFinite(value) ? value : min;
  };
  const clampStep = (value: number): number =>
    Math.round(Math.min(max, Math.max(min, value)) * 100) / 100;
  if (field.unit !== 'amount') {
    const slider = h('input', {
      type: 'range',
      class: 'pp-slider',
      min,
      max,
      step,
      value: String(current()),
      tabindex: -1,
      'aria-hidden': 'true',
    });
    slider.addEventListener('input', () => set(clampStep(Number(slider.value))));
    return {
      element: slider,
      sync: () => {
        slider.value = String(current());
      },
    };
  }
  const button = (text: string, delta: number): HTMLButtonElement => {
    const b = h(
      'button',
      { type: 'button', class: 'pp-step', tabindex: -1, 'aria-hidden': 'true' },
      text,
    );
    b.addEventListener('click', () => set(clampStep(current() + delta)));
    return b;
  };
  const minus = button('−', -step * 2);
  const plus = button('+', step * 2);
  const sync = (): void => {
    minus.disabled = current() <= min;
    plus.disabled = current() >= max;
  };
  sync();
  return { element: h('span', { class: 'pp-steppers' }, minus, plus), sync };
}
