/** English strings of the routing preview of task forms (src/panels/app/RoutingHints.tsx). */
export const appRoutingEn = {
  hintsLabel: 'What this value decides',
  goesTo: 'goes to “{{to}}”',
  state: {
    taken: 'holds now: this path',
    'not-taken': 'not now',
    unknown: 'decided by {{fields}}',
    reverts: 'would fail on chain',
  },
  noBranch:
    'With these values no path leaves “{{gateway}}”: none of its conditions holds ({{conditions}}) and it has no default path. The step would be refused on chain (NoBranchMatches), so it is not sent: change the values.',
  reverts: 'The condition “{{condition}}” would fail on chain with these values ({{detail}}), so the step is not sent: change the values.',
  fromEarlier: '(with {{fields}} from earlier steps)',
  defaultTaken: 'No condition of “{{gateway}}” holds: the step takes its default path to “{{to}}”.',
};
