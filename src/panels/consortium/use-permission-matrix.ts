/**
 * The permission matrix of the open workspace, recomputed when its processes or roles change
 * (reading BPMN is asynchronous; the last result stays until the next one is ready).
 */
import { useEffect, useState } from 'react';
import { permissionMatrix, readProcesses, type PermissionMatrix } from '../../../generators/model/permission-matrix.js';
import { selectWorkspace } from '../../store/selectors.js';
import { useStudio } from '../../store/studio-context.js';

export function usePermissionMatrix(): PermissionMatrix | undefined {
  const workspace = useStudio(selectWorkspace);
  const processes = workspace?.processes;
  const roles = workspace?.roles;
  const [matrix, setMatrix] = useState<PermissionMatrix>();
  useEffect(() => {
    if (!workspace) return;
    let current = true;
    void readProcesses(workspace).then((parsed) => current && setMatrix(permissionMatrix(workspace, parsed)));
    return () => {
      current = false;
    };
    // only processes and roles feed the matrix: other edits (names, positions) do not re-read the BPMN
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [processes, roles]);
  return matrix;
}
