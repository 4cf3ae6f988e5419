/** What a scene gets from the page around it: its element, tooltip and live region. */
import type { Tooltip } from './tooltip';

export interface SceneHost {
  /** The focusable element wrapping the canvas; keyboard controls listen here. */
  element: HTMLElement;
  tooltip: Tooltip;
  /** No tweens and no idle motion, so screenshots are stable. */
  testMode: boolean;
  /** Tell screen-reader users what the view now shows. */
  announce(text: string): void;
}
