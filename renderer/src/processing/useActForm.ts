/**
 * Editing an act without losing anyone's work. The form remembers the
 * revision it was loaded from and saves against it; when someone else saved
 * the act meanwhile, the save is refused (CONFLICT) and the specialist
 * chooses: load the saved version, or see both side by side and keep one.
 * What they typed stays in the form until then, and leaving the screen with
 * unsaved changes asks first.
 *
 * ActsTab keeps a clean form in step with the act as saved (it remounts it
 * when the act's revision moves on), so a save at another desk shows up at
 * once unless this desk is typing.
 */
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { In } from '../../../core/api/contract';
import type { ActForm, ActView } from '../../../core/api/processing';
import type { CaseView } from '../../../core/api/reception';
import { apiQuery, useApiMutation } from '../data/queries';
import { notifyOk, submitToApi } from '../ui/forms';
import { useUnsavedChanges } from '../ui/unsaved';
import type { ActValues } from './Appendix3Form';

/** The case's act of the same kind (one Appendix 3 act, of either variant; one Appendix 4 act). */
export function actOfKind(c: CaseView, form: ActForm): ActView | undefined {
  return c.acts.find((a) => (a.form === 'appendix4') === (form === 'appendix4'));
}

/** What the comparison needs: the version typed here, and the two ways out. */
export interface CompareRequest {
  formName: ActForm;
  mine: ActValues;
  /** Save what was typed over the version saved now (after seeing both). */
  saveMine(): Promise<void>;
  /** Drop what was typed and load the saved version. */
  takeSaved(): Promise<void>;
}

export interface ActFormOptions {
  c: CaseView;
  /** The act as saved in this form's variant (undefined: none, or the other variant). */
  saved: ActView | undefined;
  formName: ActForm;
  toValues(saved: ActView | undefined): ActValues;
  toInput(v: ActValues): Record<string, unknown>;
  /** A read-only copy (the comparison): no saving, no marks of unsaved changes. */
  bare?: boolean;
  onDirty?(dirty: boolean): void;
  onCompare?(r: CompareRequest): void;
  savedMessage(fresh: ActView | undefined): string;
}

export function useActForm(o: ActFormOptions) {
  const qc = useQueryClient();
  // What this form was loaded from: its values and the act's revision.
  const [base] = useState(() => ({ rev: actOfKind(o.c, o.formName)?.rev ?? 0, values: o.toValues(o.saved) }));
  const form = useForm<ActValues>({ initialValues: base.values });
  const save = useApiMutation('acts.save');

  const dirty = form.isDirty();
  const { onDirty, bare } = o;
  useEffect(() => onDirty?.(dirty), [dirty, onDirty]);
  useUnsavedChanges(!bare && dirty);

  // The revision this form saved last (until ActsTab shows it afresh).
  const [ownRev, setOwnRev] = useState<number | null>(null);
  const now = actOfKind(o.c, o.formName)?.rev ?? 0;
  /** Someone saved the act after this form was loaded. */
  const changedMeanwhile = !bare && now !== base.rev && now !== ownRev;

  /** Loads the act as saved now (the form is clean afterwards, and ActsTab shows it). */
  const takeSaved = async () => {
    const fresh = await qc.fetchQuery({ ...apiQuery('cases.get', { id: o.c.id }), staleTime: 0 });
    const a = fresh.acts.find((x) => x.form === o.formName);
    const v = o.toValues(a);
    form.setValues(v);
    form.resetDirty(v);
  };

  const compare = () =>
    o.onCompare?.({
      formName: o.formName,
      mine: form.getValues(),
      saveMine: () => saveWith(form.getValues(), actOfKind(qc.getQueryData(apiQuery('cases.get', { id: o.c.id }).queryKey) ?? o.c, o.formName)?.rev ?? 0),
      takeSaved,
    });

  async function saveWith(v: ActValues, rev: number): Promise<void> {
    const input = { caseId: o.c.id, rev, form: o.formName, ...o.toInput(v) } as unknown as In<'acts.save'>;
    const next = await submitToApi(form, () => save.mutateAsync(input), { reload: () => void takeSaved(), compare: o.onCompare ? compare : undefined });
    if (!next) return;
    const fresh = next.acts.find((a) => a.form === o.formName);
    setOwnRev(fresh?.rev ?? null);
    if (fresh) {
      const nv = o.toValues(fresh);
      form.setValues(nv);
      form.resetDirty(nv);
    }
    notifyOk(o.savedMessage(fresh));
  }

  return {
    form,
    dirty,
    saving: save.isPending,
    changedMeanwhile,
    /** Saves against the revision the form was loaded from. */
    submit: form.onSubmit((v) => saveWith(v, base.rev)),
    takeSaved,
    compare,
  };
}
