/**
 * chart.js with only what the client's line charts use (results, debrief, replay), registered
 * once; tree-shaking drops the rest of the library.
 */
import {
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
  Filler,
);

export { Chart };
