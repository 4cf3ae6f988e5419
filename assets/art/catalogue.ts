/**
 * Every sprite of the atlas, by frame name. The scenes build frame names from the same
 * conventions (see client/scenes/frames.ts), and a unit test checks that each name they can ask
 * for exists in the generated atlas.
 */
import { factory, FORMS } from './buildings';
import { civicSprites, marketHall } from './civic';
import { groundTiles } from './ground';
import { ART_SECTORS } from './palette';
import { policySprites } from './policy';
import { propSprites } from './props';

export interface SpriteSource {
  name: string;
  svg: string;
}

export function catalogue(): SpriteSource[] {
  const out: SpriteSource[] = [];
  for (const s of ART_SECTORS) {
    for (const form of FORMS) {
      const base = form.replace(/[0-9]$/, '');
      const stage = /[0-9]$/.test(form) ? `-${form.slice(-1)}` : '';
      out.push({ name: `${base}-${s}${stage}`, svg: factory(s, form, false) });
      out.push({ name: `${base}-${s}${stage}-closed`, svg: factory(s, form, true) });
    }
  }
  for (const s of ART_SECTORS) out.push({ name: `market-${s}`, svg: marketHall(s) });
  out.push(...groundTiles(), ...civicSprites(), ...policySprites(), ...propSprites());
  return out;
}
