/** «Выгрузить в Excel»: the journal or a filtered case list as XLSX, with progress for big ones. */
import type { In } from '../../../core/api/contract';
import { api } from '../api';
import { JobButton } from './jobs';

export function CasesExportButton({ input }: { input: In<'exports.cases'> }) {
  return (
    <JobButton title="Выгрузка в Excel" start={() => api['exports.cases'](input)}>
      Выгрузить в Excel
    </JobButton>
  );
}
