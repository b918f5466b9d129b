/**
 * The terminal colour of each theme, one palette for every view (catalogue
 * lists, plan timelines), so a theme looks the same wherever an agent meets it.
 */
import type { ChalkInstance } from 'chalk';
import type { Theme } from '../domain/catalogue/model.js';

export function themeStyle(style: ChalkInstance, theme: Theme | null): (text: string) => string {
  switch (theme) {
    case 'eco':
      return style.green;
    case 'cultural':
      return style.magenta;
    case 'red':
      return style.red;
    case 'water':
      return style.blue;
    default:
      return style.dim;
  }
}
