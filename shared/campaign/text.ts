/**
 * Small helpers for the campaign's bilingual texts: a Text constructor, the names of sectors and
 * towns in both languages, and number formats shared by the outcome reasons and advisor hints.
 */
import type { SectorId } from '../data/sectors';
import type { Text } from './types';

export function text(en: string, zh: string): Text {
  return { en, zh };
}

export const SECTOR_NAMES: Record<SectorId, Text> = {
  textiles: text('textiles', '纺织服装'),
  footwear: text('footwear', '鞋业'),
  ceramics: text('ceramics', '陶瓷建材'),
  furniture: text('furniture', '家具'),
  toys: text('toys', '玩具'),
  electronics: text('electronics', '电子信息'),
  appliances: text('home appliances', '家电'),
};

/** Chinese names of the towns the scenarios define; generated towns keep their own name. */
const TOWN_NAMES_ZH: Record<string, string> = {
  shenzhen: '深圳',
  zhuhai: '珠海',
  shantou: '汕头',
  dongguan: '东莞',
  foshan: '佛山',
  xiqiao: '西樵',
  qingyuan: '清远',
  wenzhou: '温州',
  datang: '大唐',
  yiwu: '义乌',
  yongkang: '永康',
  haining: '海宁',
  shunde: '顺德',
  zhaoqing: '肇庆',
  jiangmen: '江门',
  suzhou: '苏州',
  kunshan: '昆山',
  huizhou: '惠州',
  wujiang: '吴江',
  chengdu: '成都',
  chongqing: '重庆',
};

export function townName(id: string, name: string): Text {
  return text(name, TOWN_NAMES_ZH[id] ?? name);
}

/** Whole numbers with thousands separators, the same in both languages. */
export function whole(x: number): string {
  const rounded = Math.round(x);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '−' : ''}${digits}`;
}

/** One decimal for indices (pollution, stability). */
export function oneDecimal(x: number): string {
  return (Math.round(x * 10) / 10).toFixed(1);
}

/** A 0–1 share as a whole percentage. */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
