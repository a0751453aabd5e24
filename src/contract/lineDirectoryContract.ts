import { importDiffSchema, importInput } from './directoryImportSchemas.ts';
import { operation } from './operation.ts';

// The line's directory as an import target (issue 14, "What this issue shares" 1): a directory
// maintainer on a PC joined to the hub imports into the hub's directory from the import screen
// — the same formats, preview and row errors as a local import; the hub applies it, then this
// PC pulls it like every other. The hub authenticates devices: the right is checked here.

const MAINTAINER = { access: ['supervisor'] as const, right: 'directory_maintainer' as const };

export const lineDirectoryContract = {
  'directory.lineImportPreview': operation({
    summary: 'Read an import file on the hub and show the diff against the line\'s directory without writing anything (directory maintainers of a joined PC).',
    ...MAINTAINER,
    input: importInput,
    output: importDiffSchema,
  }),
  'directory.lineImportApply': operation({
    summary: 'Apply an import file to the line\'s directory on the hub (every valid added or changed row in one transaction), then pull it here (directory maintainers of a joined PC).',
    ...MAINTAINER,
    input: importInput,
    output: importDiffSchema,
  }),
};
