/**
 * i18next set-up: English and Simplified Chinese, switchable at runtime. The choice is kept in
 * localStorage; without one, a Chinese browser gets zh-CN.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../store/ui-slice.js';
import { en } from './resources/en.js';
import { zhCN } from './resources/zh-CN.js';
import { bpmnEn, bpmnZhCN } from './resources/bpmn.js';

export const resources = {
  en: { translation: en, bpmn: bpmnEn },
  'zh-CN': { translation: zhCN, bpmn: bpmnZhCN },
} as const;

const STORAGE_KEY = 'chainflow.language';

export function preferredLanguage(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
  browserLanguage: string | undefined = globalThis.navigator?.language,
): Language {
  const saved = storage?.getItem(STORAGE_KEY);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    ns: ['translation', 'bpmn'],
    defaultNS: 'translation',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return instance;
}

/** Switches the language and remembers the choice. */
export function applyLanguage(instance: i18n, language: Language): void {
  void instance.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for this page only
  }
}

/** The bpmn-js strings of a language, looked up as plain keys (templates contain '/' and '.'). */
export function bpmnStrings(language: Language): Readonly<Record<string, string>> {
  return resources[language].bpmn;
}
