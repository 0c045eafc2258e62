/**
 * The write-key prompt: a modal dialog shown the first time this tab tries to
 * change the graph (and again when the server refuses the stored key). The key
 * is checked with GET /api/session before it is kept, so a typo is caught here
 * rather than as a failed edit; an optional author name is asked beside it.
 */
import { api, ApiError } from "../api.ts";
import { writeAccess } from "../state/write-access.ts";
import { byId, h, render } from "./dom.ts";

export function installWriteKeyPrompt(): void {
  const dialog = byId<HTMLDialogElement>("write-key");
  const key = h("input", { attrs: { id: "write-key-input", type: "password", required: true, autocomplete: "off", spellcheck: "false" } });
  const author = h("input", { attrs: { id: "write-key-author", type: "text", maxlength: 100, autocomplete: "name", placeholder: "anonymous" } });
  const problem = h("p", { class: "error", attrs: { id: "write-key-problem", role: "alert" } });
  const unlock = h("button", { class: "primary", attrs: { type: "submit", id: "write-key-submit" } }, "Unlock editing");
  const cancel = h("button", { attrs: { type: "button", id: "write-key-cancel" }, on: { click: () => dialog.close() } }, "Cancel");
  const form = h(
    "form",
    { class: "write-key-form", on: { submit: (e) => (e.preventDefault(), void check()) } },
    h("h2", { attrs: { id: "write-key-title" } }, "Write key"),
    h("p", { class: "hint" }, "Changing the graph needs the server's write key: PARLEY_WRITE_KEY, or the key the server printed at its first start (kept in the write-key file beside the graph). It is remembered in this tab only."),
    h("label", { class: "stacked", attrs: { for: key.id } }, "Key", key),
    h("label", { class: "stacked", attrs: { for: author.id } }, "Your name, shown in the history (optional)", author),
    problem,
    h("div", { class: "row buttons" }, unlock, cancel),
  );
  render(dialog, form);

  let answer: ((key: string | null) => void) | null = null;
  const settle = (value: string | null) => {
    answer?.(value);
    answer = null;
  };
  dialog.addEventListener("close", () => settle(null));

  async function check() {
    const typed = key.value.trim();
    if (!typed) return;
    unlock.disabled = true;
    render(problem, "Checking…");
    try {
      const session = await api.session(typed);
      if (!session.writable) return render(problem, "That is not this server's write key.");
      writeAccess.remember(typed, author.value);
      settle(typed);
      dialog.close();
    } catch (err) {
      render(problem, `Could not check the key: ${err instanceof ApiError ? err.message : String(err)}`);
    } finally {
      unlock.disabled = false;
    }
  }

  // One prompt at a time: a second write waiting for a key shares the open one.
  let pending: Promise<string | null> | null = null;
  writeAccess.setAsker((why) => {
    if (pending) return pending;
    key.value = "";
    author.value = writeAccess.author() ?? "";
    render(problem, why ?? "");
    pending = new Promise<string | null>((resolve) => (answer = resolve)).finally(() => (pending = null));
    dialog.showModal();
    key.focus();
    return pending;
  });
}
