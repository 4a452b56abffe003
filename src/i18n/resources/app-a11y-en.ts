/** English words for assistive technology in the collaboration app (text alternatives). */
export const appA11yEn = {
  diagramText: 'In words: done: {{done}}. Active now: {{active}}. Still to come: {{pending}}.',
  none: 'nothing',
};
