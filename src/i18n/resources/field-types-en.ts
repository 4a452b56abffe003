/** English strings of the enum, decimal and participant field types in app forms (the designer's settings are bpmn-js templates: English is the template). */
export const fieldTypesEn = {
  types: {
    enum: 'one of a list',
    decimal: 'decimal number',
    participant: 'participant',
  },
  errors: {
    notDecimal: 'Enter a number such as 12.5 (not negative)',
    tooPrecise_one: 'At most {{count}} decimal: “{{typed}}” has more',
    tooPrecise_other: 'At most {{count}} decimals: “{{typed}}” has more',
    tooPrecise_zero: 'Enter a whole number: “{{typed}}” has decimals',
    notInList: 'Choose one of the values',
  },
  pickValue: 'Choose…',
  pickParticipant: 'Choose a participant…',
  pickParticipantOfRole: 'Choose a participant ({{role}})…',
  noneOfRole: 'Nobody holds the role {{role}}: this field cannot be filled in',
  scaleHint: 'up to {{count}} decimals',
};
