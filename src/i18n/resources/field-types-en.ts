/** English strings of the enum, decimal and participant field types: app forms and values, designer field settings. */
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
  designer: {
    values: 'Values',
    valuesHint: 'One value per line, in order (Chinese allowed)',
    scale: 'Decimals (scale)',
    scaleHint: 'Digits after the decimal point, 0–18: the contract keeps the value times 10^scale',
    unit: 'Unit',
    unitHint: 'Shown beside inputs and values, e.g. kg or CNY',
    role: 'Only participants of role',
    anyParticipant: 'Any participant',
  },
};
