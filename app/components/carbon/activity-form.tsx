import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { activityUnits, ghgCategories } from "#questionnaires/emission-factors";
import { segments } from "#questionnaires/segments";
import { activityFormSchema } from "~/carbon/schemas";
import { CsrfInput } from "~/components/csrf";
import { Field } from "~/components/field";
import type { FieldErrors } from "~/lib/forms";

type ActivityFormValues = Record<string, string>;

/** One activity line (scope 3), validated live with the action's schema; works without JavaScript. */
export function ActivityForm({ suppliers, serverErrors, values }: { suppliers: { id: number; name: string }[]; serverErrors: FieldErrors; values: Record<string, string> }) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ActivityFormValues>({
    resolver: zodResolver(activityFormSchema as unknown as z.ZodType<ActivityFormValues, ActivityFormValues>),
    defaultValues: { year: String(new Date().getFullYear() - 1), ...values },
  });
  const err = (name: string) => (errors[name]?.message as string | undefined) ?? serverErrors[name];
  return (
    <Form
      method="post"
      noValidate
      onSubmit={(event) => {
        const form = event.currentTarget;
        void handleSubmit(() => submit(form, { method: "post" }))(event);
      }}
    >
      <CsrfInput />
      <input type="hidden" name="intent" value="add" />
      <div className="grid">
        <Field id="a-supplier" label="Fournisseur" error={err("supplierOrganisationId")}>
          <select id="a-supplier" {...register("supplierOrganisationId")}>
            <option value="">Choisir…</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="a-year" label="Année" error={err("year")}>
          <input id="a-year" inputMode="numeric" {...register("year")} />
        </Field>
        <Field id="a-segment" label="Segment d'achat" error={err("segment")}>
          <select id="a-segment" {...register("segment")}>
            <option value="">Choisir…</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="a-category" label="Catégorie GHG Protocol" error={err("ghgCategory")}>
          <select id="a-category" {...register("ghgCategory")}>
            <option value="">Choisir…</option>
            {ghgCategories.map((c) => (
              <option key={c.number} value={c.number}>
                {c.number} — {c.labelFr}
              </option>
            ))}
          </select>
        </Field>
        <Field id="a-item" label="Libellé (facultatif)" error={err("item")} hint="Pour retrouver le facteur du fournisseur portant ce libellé.">
          <input id="a-item" {...register("item")} />
        </Field>
        <Field id="a-spend" label="Dépense (k€ HT)" error={err("spendKEur")}>
          <input id="a-spend" inputMode="decimal" {...register("spendKEur")} />
        </Field>
        <Field id="a-quantity" label="Quantité" error={err("quantity")}>
          <input id="a-quantity" inputMode="decimal" {...register("quantity")} />
        </Field>
        <Field id="a-unit" label="Unité de la quantité" error={err("activityUnit")}>
          <select id="a-unit" {...register("activityUnit")}>
            <option value="">—</option>
            {activityUnits
              .filter((u) => !u.monetary)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.canonical} ({u.label})
                </option>
              ))}
          </select>
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          Ajouter la ligne
        </button>
      </div>
    </Form>
  );
}
