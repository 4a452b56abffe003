/**
 * bpmn-js module replacing the `translate` service with the IDE's strings (src/i18n). The
 * modeler is created again when the language changes: bpmn-js renders its palette once.
 */
export function translateModule(strings: Readonly<Record<string, string>>) {
  const translate = (template: string, replacements: Record<string, string> = {}) =>
    (strings[template] ?? template).replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`);
  return { translate: ['value', translate] };
}
