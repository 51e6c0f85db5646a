import { Form, useSubmit } from "@remix-run/react";
import type { BaseSyntheticEvent, ReactNode } from "react";
import { CsrfInput } from "./csrf";

/**
 * A post form checked in the browser by react-hook-form (same zod schema as the action) before it
 * is sent; without JavaScript it posts as it is and the action checks it. Carries the CSRF token.
 * Pass the `handleSubmit` of the page's `useForm`.
 */
export function CheckedForm({ handleSubmit, children }: { handleSubmit: (onValid: () => void) => (event?: BaseSyntheticEvent) => Promise<void>; children: ReactNode }) {
  const submit = useSubmit();
  return (
    <Form
      method="post"
      className="stack"
      noValidate
      onSubmit={(event) => {
        const form = event.currentTarget;
        void handleSubmit(() => submit(form))(event);
      }}
    >
      <CsrfInput />
      {children}
    </Form>
  );
}

/** The refusal of a whole form (wrong password, too many attempts), announced to screen readers. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="alert alert--error" role="alert">
      {message}
    </p>
  );
}
