/**
 * The words @inquirer/prompts draws itself, in the session's language: the keys line under a
 * list ("↑↓ navigate • ⏎ select") and a multiple choice's answer ("生态, 文化"). In Chinese the
 * whole session was Chinese but these stayed English, with an English comma between answers.
 */
import { styleText } from 'node:util';
import type { Lang } from '../../export/locale.js';

const KEY_WORDS_ZH: Readonly<Record<string, string>> = {
  navigate: '上下移动',
  select: '选择',
  submit: '确认',
  all: '全选',
  invert: '反选',
  space: '空格',
};

/** The keys line as inquirer draws it (bold key, dim action, " • " between), its words in `lang`. */
export function keysHelpTip(lang: Lang): (keys: [string, string][]) => string {
  const word = (w: string) => (lang === 'zh' ? (KEY_WORDS_ZH[w] ?? w) : w);
  return (keys) => keys.map(([key, action]) => `${styleText('bold', word(key))} ${styleText('dim', word(action))}`).join(styleText('dim', ' • '));
}

/** Theme for select and search prompts. */
export function listTheme(lang: Lang): { style: { keysHelpTip: (keys: [string, string][]) => string } } {
  return { style: { keysHelpTip: keysHelpTip(lang) } };
}

/** Theme for checkbox prompts: also the chosen answers, joined with 、 in Chinese. */
export function checkboxTheme(lang: Lang): {
  style: { keysHelpTip: (keys: [string, string][]) => string; renderSelectedChoices: (chosen: readonly { short: string }[]) => string };
} {
  return {
    style: {
      keysHelpTip: keysHelpTip(lang),
      renderSelectedChoices: (chosen) => chosen.map((c) => c.short).join(lang === 'zh' ? '、' : ', '),
    },
  };
}
