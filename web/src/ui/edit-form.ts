/**
 * The plumbing every curation form shares: its fields, an optional reason, a
 * submit button that is disabled while the write runs, and one message line
 * that says what happened — the server's own words when it refuses (ApiError),
 * with its suggestions for an unknown name. `data-state` on the message
 * (busy / done / error) lets tests and styles tell the outcomes apart.
 */
import { ApiError } from "../api.ts";
import { h, render, type Child } from "./dom.ts";

/** A problem found before anything is sent (an empty field); shown like a refusal. */
export class FormProblem extends Error {
  override name = "FormProblem";
}

export interface EditFormOptions {
  /** The form's id; the reason field is `${id}-reason`. */
  id: string;
  fields: Child[];
  submitLabel: string;
  /** Ask for a reason (default true). */
  reason?: boolean;
  danger?: boolean;
  /** Performs the write; resolves to the line shown once it is done. */
  submit(note: { reason: string }): Promise<string>;
  cancel?(): void;
}

export interface EditForm {
  form: HTMLFormElement;
  message: HTMLElement;
  /** Shows a line in the message (e.g. a result that arrived some other way). */
  say(text: string, state?: "busy" | "done" | "error"): void;
}

export function describeError(err: unknown): string {
  if (err instanceof FormProblem) return err.message;
  if (err instanceof ApiError) {
    const hint = err.suggestions.length ? ` Did you mean ${err.suggestions.map((s) => `“${s}”`).join(", ")}?` : "";
    return err.status === 429 ? `Too many changes at once; wait a moment and try again. (${err.message})` : `${err.message}${hint}`;
  }
  return `Something went wrong: ${err instanceof Error ? err.message : String(err)}`;
}

export function editForm(o: EditFormOptions): EditForm {
  const reason = o.reason === false ? null : h("input", { attrs: { id: `${o.id}-reason`, type: "text", maxlength: 2000, placeholder: "Why? (optional, shown in the history)" } });
  const submit = h("button", { class: o.danger ? "danger" : "primary", attrs: { type: "submit", id: `${o.id}-submit` } }, o.submitLabel);
  const cancel = o.cancel ? h("button", { attrs: { type: "button", id: `${o.id}-cancel` }, on: { click: () => o.cancel?.() } }, "Cancel") : null;
  const message = h("p", { class: "form-message", attrs: { id: `${o.id}-message`, role: "status" } });
  const say = (text: string, state?: "busy" | "done" | "error") => {
    render(message, text);
    if (state) message.dataset.state = state;
    else delete message.dataset.state;
  };
  const form = h(
    "form",
    { class: "edit-form", attrs: { id: o.id, novalidate: true }, on: { submit: (e) => (e.preventDefault(), void run()) } },
    o.fields,
    reason ? h("label", { class: "stacked", attrs: { for: reason.id } }, "Reason", reason) : null,
    h("div", { class: "row buttons" }, submit, cancel),
    message,
  );

  async function run() {
    if (submit.disabled) return;
    submit.disabled = true;
    say("Saving…", "busy");
    try {
      say(await o.submit({ reason: reason?.value.trim() ?? "" }), "done");
      if (reason) reason.value = "";
    } catch (err) {
      say(describeError(err), "error");
    } finally {
      submit.disabled = false;
    }
  }

  return { form, message, say };
}

/** A labelled field on its own line. */
export function stackedField(label: string, control: HTMLElement): HTMLElement {
  return h("label", { class: "stacked", attrs: control.id ? { for: control.id } : {} }, label, control);
}
