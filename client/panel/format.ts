/** Formatting of indicator values in the player's language. */
import { formatCount, formatMoney, formatNumber, currentLanguage } from '../i18n';
import type { IndicatorFormat } from './results-model';

export function formatIndicator(format: IndicatorFormat, value: number, signed = false): string {
  switch (format) {
    case 'money':
      return formatMoney(value, signed);
    case 'count':
      return formatCount(value, signed);
    case 'thousandRmb':
      // Per-head figures are small: yuan read better than thousands in Chinese.
      return currentLanguage() === 'zh'
        ? `${formatNumber(value * 1000, { signed })} 元`
        : `${formatNumber(value, { digits: 2, signed })} k RMB`;
    case 'percent':
      // A change of a rate is in percentage points, not per cent of the rate.
      return signed
        ? `${formatNumber(value * 100, { digits: 1, signed })}${currentLanguage() === 'zh' ? ' 个百分点' : ' pts'}`
        : `${formatNumber(value * 100, { digits: 1 })} %`;
    case 'index':
      // Small changes (pollution spilling from upstream) would otherwise all read "0".
      return formatNumber(value, { digits: Math.abs(value) < 0.1 ? 2 : 1, signed });
  }
}
