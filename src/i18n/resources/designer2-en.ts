/** English strings of the process list (new, rename, delete), the Problems merge and regulated processes. */
export const designer2En = {
  processes: {
    label: 'Processes',
    add: 'New process',
    addTitle: 'New process',
    name: 'Process name',
    defaultName: 'Process {{n}}',
    create: 'Create',
    rename: 'Rename',
    renameTitle: 'Rename “{{name}}”',
    save: 'Save',
    cancel: 'Cancel',
    delete: 'Delete',
    deleteTitle: 'Delete process “{{name}}”?',
    lose: 'Its diagram, tasks and data fields are removed from the workspace (Undo brings them back).',
    deployed: 'It is deployed on the current network: its contract stays on the chain, but the app no longer shows it or its instances, and the next deploy leaves it out.',
    last: 'It is the last process: the workspace will not build until you add one.',
    confirmDelete: 'Delete process',
    nameRequired: 'Enter a name.',
  },
  regulates: {
    label: 'Regulates processes',
    every: 'Not linked to any process: regulates every process.',
    none: 'Regulates no process: check the processes it regulates.',
    some: 'Regulates only the {{count}} checked process(es); its app view shows only these.',
    reset: 'Regulate every process',
  },
  regulator: {
    scope: 'Regulates: {{names}}',
    scopeAll: 'Regulates every process',
    scopeNone: 'Regulates no deployed process',
  },
};
