/** One colour per theme, used for chips, timeline bars and map markers (print-safe, distinct in greyscale). */
import type { Theme } from '../../domain/catalogue/model.js';

export const THEME_COLOURS: Readonly<Record<Theme, string>> = {
  eco: '#2e7d32',
  cultural: '#8e5b00',
  red: '#c62828',
  water: '#1565c0',
};

/** Visits with no theme, and travel. */
export const NEUTRAL_COLOUR = '#546e7a';

export function themeColour(theme: Theme | null | undefined): string {
  return theme ? THEME_COLOURS[theme] : NEUTRAL_COLOUR;
}
