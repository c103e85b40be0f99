/**
 * Editing an act without losing anyone's work. The form (Mantine, uncontrolled:
 * typing redraws only what watches the field) is validated by the act's own
 * schema before saving, remembers the revision it was loaded from and saves
 * against it; when someone else saved the act meanwhile, the save is refused
 * (CONFLICT) and the specialist chooses: load the saved version, or see both
 * side by side and keep one. What they typed stays in the form until then,
 * and leaving the screen with unsaved changes asks first.
 *
 * ActsTab keeps a clean form in step with the act as saved (it remounts it
 * when the act's revision moves on), so a save at another desk shows up at
 * once unless this desk is typing.
 */
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type SyntheticEvent } from 'react';
import type { z } from 'zod';
import type { In } from '../../../core/api/contract';
import type { ActForm, ActView } from '../../../core/api/processing';
import type { CaseView } from '../../../core/api/reception';
import { pathOf, validationText } from '../../../core/api/validation-text';
import { hostToday } from '../clock';
import { apiQuery, useApiMutation } from '../data/queries';
import { focusFirstError } from '../ui/form-fields';
import { notifyOk, sameValues, submitToApi } from '../ui/forms';
import { useUnsavedChanges } from '../ui/unsaved';
import { actResolver, type ActValues } from './act-values';

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

export interface ActFormOptions<V extends ActValues> {
  c: CaseView;
  /** The act as saved in this form's variant (undefined: none, or the other variant). */
  saved: ActView | undefined;
  formName: ActForm;
  /** The form's schema (the act's, as the backend checks it). */
  schema: z.ZodType;
  toValues(saved: ActView | undefined): V;
  /** A read-only copy (the comparison): no saving, no marks of unsaved changes. */
  bare?: boolean;
  onDirty?(dirty: boolean): void;
  onCompare?(r: CompareRequest): void;
  savedMessage(fresh: ActView | undefined): string;
}

export function useActForm<V extends ActValues>(o: ActFormOptions<V>) {
  const qc = useQueryClient();
  // What this form was loaded from: its values and the act's revision.
  const [base] = useState(() => ({ rev: actOfKind(o.c, o.formName)?.rev ?? 0, values: o.toValues(o.saved) }));
  const [validate] = useState(() => actResolver(o.schema, hostToday));
  // The values as loaded or last saved: the form has unsaved changes while it differs from them.
  const [snapshot, setSnapshot] = useState<V>(base.values);
  const [dirty, setDirty] = useState(false);
  const form = useForm<V>({
    mode: 'uncontrolled',
    initialValues: base.values,
    validate,
    onValuesChange: (values) => setDirty(!sameValues(values, snapshot)),
  });
  const save = useApiMutation('acts.save');

  const { onDirty, bare } = o;
  useEffect(() => onDirty?.(dirty), [dirty, onDirty]);
  useUnsavedChanges(!bare && dirty);

  // The revision this form saved last (until ActsTab shows it afresh).
  const [ownRev, setOwnRev] = useState<number | null>(null);
  const now = actOfKind(o.c, o.formName)?.rev ?? 0;
  /** Someone saved the act after this form was loaded. */
  const changedMeanwhile = !bare && now !== base.rev && now !== ownRev;

  const load = (v: V) => {
    setSnapshot(v);
    form.setValues(v);
    form.resetDirty(v);
    setDirty(false);
  };

  /** Loads the act as saved now (the form is clean afterwards, and ActsTab shows it). */
  const takeSaved = async () => {
    const fresh = await qc.fetchQuery({ ...apiQuery('cases.get', { id: o.c.id }), staleTime: 0 });
    load(o.toValues(fresh.acts.find((x) => x.form === o.formName)));
  };

  const compare = () =>
    o.onCompare?.({
      formName: o.formName,
      mine: form.getValues(),
      saveMine: () => saveWith(form.getValues(), actOfKind(qc.getQueryData(apiQuery('cases.get', { id: o.c.id }).queryKey) ?? o.c, o.formName)?.rev ?? 0),
      takeSaved,
    });

  /** The <form> a submit came from (where the fields with errors are). */
  const formOf = (e: SyntheticEvent | undefined) => (e?.currentTarget instanceof HTMLFormElement ? e.currentTarget : null);

  async function saveWith(v: V, rev: number, el: HTMLFormElement | null = null): Promise<void> {
    const input = { caseId: o.c.id, rev, form: o.formName, act: v.act, ...(o.formName === 'appendix4' ? {} : { barthel: v.barthel, lawton: v.lawton }) } as unknown as In<'acts.save'>;
    const next = await submitToApi(form, () => save.mutateAsync(input), { reload: () => void takeSaved(), compare: o.onCompare ? compare : undefined });
    if (!next) {
      // The backend's per-field messages are on the form once it has drawn them.
      setTimeout(() => focusFirstError(el), 0);
      return;
    }
    const fresh = next.acts.find((a) => a.form === o.formName);
    setOwnRev(fresh?.rev ?? null);
    if (fresh) load(o.toValues(fresh));
    notifyOk(o.savedMessage(fresh));
  }

  /** The form's own check failed: say what, by the fields' labels, and go to the first. */
  const invalid = (errors: FormErrors, _values: V, e: SyntheticEvent | undefined) => {
    const { message } = validationText(Object.entries(errors).map(([k, m]) => ({ path: pathOf(k), message: String(m) })));
    notifications.show({ color: 'red', title: 'Акт не сохранён', message, autoClose: 8000 });
    const el = formOf(e);
    setTimeout(() => focusFirstError(el), 0);
  };

  return {
    form,
    dirty,
    saving: save.isPending,
    changedMeanwhile,
    /** Saves against the revision the form was loaded from. */
    submit: form.onSubmit((v, e) => saveWith(v, base.rev, formOf(e)), invalid),
    takeSaved,
    compare,
  };
}
