import type { Stance } from '@app/client';

/** Besides its colour, each stance has a symbol and a fill pattern, for colour-blind readers. */
export const STANCE_SYMBOL: Record<Stance, string> = {
  support: '✓',
  oppose: '✗',
  conditional: '≈',
  neutral: '○',
};

/** Every stance, in the order legends show them. */
export const STANCES = Object.keys(STANCE_SYMBOL) as Stance[];

export function isStance(value: string): value is Stance {
  return (STANCES as readonly string[]).includes(value);
}

/** The class that colours an element by stance (styles.css); unknown stances look neutral. */
export function stanceClass(stance: string): string {
  return `stance-${isStance(stance) ? stance : 'neutral'}`;
}
