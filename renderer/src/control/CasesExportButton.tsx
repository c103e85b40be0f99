/** «Выгрузить таблицу»: the journal or a filtered case list as XLSX, with progress for big ones. */
import type { In } from '../../../core/api/contract';
import { api } from '../api';
import { JobButton } from './jobs';

export function CasesExportButton({ input }: { input: In<'exports.cases'> }) {
  return (
    <JobButton title="Выгрузка таблицы" start={() => api['exports.cases'](input)}>
      Выгрузить таблицу
    </JobButton>
  );
}
