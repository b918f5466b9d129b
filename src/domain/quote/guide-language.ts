/**
 * A guide's language in words, for quote lines and documents: "English-speaking guide" /
 * "英文导游", not the flag's code ("Guide (en)"). Codes beyond the table are named by the
 * runtime's language names (Intl), else shown as written.
 */
import type { Text } from './quote-model.js';

const NAMES: Record<string, Text> = {
  en: { en: 'English', zh: '英文' },
  zh: { en: 'Chinese', zh: '中文' },
  ja: { en: 'Japanese', zh: '日语' },
  ko: { en: 'Korean', zh: '韩语' },
  fr: { en: 'French', zh: '法语' },
  de: { en: 'German', zh: '德语' },
  es: { en: 'Spanish', zh: '西班牙语' },
  it: { en: 'Italian', zh: '意大利语' },
  ru: { en: 'Russian', zh: '俄语' },
};

export function languageName(code: string): Text {
  const known = NAMES[code];
  if (known) return known;
  const named = (lang: 'en' | 'zh') => {
    try {
      return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  return { en: named('en'), zh: named('zh') };
}

/** "English-speaking guide" / "英文导游". */
export function guideTitle(code: string): Text {
  const name = languageName(code);
  return { en: `${name.en}-speaking guide`, zh: `${name.zh}导游` };
}
