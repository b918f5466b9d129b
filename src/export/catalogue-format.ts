/** Small formatters shared by the catalogue views. */
import type { ChalkInstance } from 'chalk';
import type { Theme } from '../domain/catalogue/model.js';
import { themeStyle } from './theme-style.js';

/** 90 → "1h30m", 120 → "2h", 45 → "45m", 2 days → "2d". */
export function formatDurationMin(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const text = `${days ? `${days}d` : ''}${hours ? `${hours}h` : ''}${mins ? `${mins}m` : ''}`;
  return text || '0m';
}

/** Minutes after midnight → "08:30" (1440 → "24:00"). */
export function formatClock(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/** Money without trailing zeros: 70, 164.5. */
export function formatMoney(amount: number): string {
  return String(Math.round(amount * 100) / 100);
}

/** The agencies' colour code for themes, used wherever themes are listed in a terminal. */
export function themeColor(theme: Theme, style: ChalkInstance): (text: string) => string {
  return themeStyle(style, theme);
}

export function colorThemes(themes: readonly Theme[], style: ChalkInstance): string {
  return themes.map((t) => themeColor(t, style)(t)).join(',');
}
