import type { Stance } from '../api/types';
import { STANCES } from '../api/types';

/** Besides its colour, each stance has a symbol and a fill pattern, for colour-blind readers. */
export const STANCE_SYMBOL: Record<Stance, string> = {
  support: '✓',
  oppose: '✗',
  conditional: '≈',
  neutral: '○',
};

export function isStance(value: string): value is Stance {
  return (STANCES as readonly string[]).includes(value);
}

/** The class that colours an element by stance (styles.css); unknown stances look neutral. */
export function stanceClass(stance: string): string {
  return `stance-${isStance(stance) ? stance : 'neutral'}`;
}

export { STANCES };
