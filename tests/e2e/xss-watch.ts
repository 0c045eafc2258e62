/**
 * A page that would notice an XSS payload running or landing as markup: every
 * frame gets `window.__xss(id)` (what the corpus payloads call), dialogs, console
 * errors, page errors and CSP violations are recorded, and a MutationObserver
 * installed before the app's scripts flags any inserted element or attribute that
 * the explorer never creates itself (script/iframe/img/svg…, on* handlers,
 * javascript:/data: URLs, CSS url()/expression()) — even if it is removed again.
 * `bypassCSP` turns the server's CSP off so the page's own DOM building is what
 * is tested, and an injected handler would really run and call __xss.
 */
import type { Browser, Page } from "playwright-core";

export interface XssPage {
  page: Page;
  /** Payload ids passed to window.__xss. */
  hits: number[];
  dialogs: string[];
  /** Console errors, page errors and CSP violations, except the browser's own note on an API's 4xx answer. */
  problems: string[];
  /** Those notes: "Failed to load resource … 400" for a query the console was meant to reject. */
  apiErrors: string[];
  /** Suspicious DOM the observer reported (across navigations), plus any still in the current page. */
  audit(): Promise<string[]>;
}

/** Every tag the explorer (index.html, its panels — the Analyze selects and the Tables caption among them —, sigma, the PNG export) creates. */
const APP_TAGS = "html head meta title link script style body a header h1 h2 h3 h4 div p main section nav aside dialog button span ul ol li input label textarea details summary table thead tbody tr th td q mark cite form fieldset legend canvas pre output select option caption";

/** Runs in the page before any of its scripts: flags markup the explorer never makes. */
function installObserver(tagList: string): void {
  const allowed = new Set(tagList.split(" "));
  // Reported to the test through a binding, so the record outlives the document.
  const report = (what: string) => void (window as unknown as { __xssDom(what: string): Promise<void> }).__xssDom(what);
  const badUrl = /^\s*(javascript|vbscript):|^\s*data:(?!image\/|,$)/i;
  const check = (el: Element) => {
    const tag = el.tagName.toLowerCase();
    const where = `<${tag}${el.id ? `#${el.id}` : ""}>`;
    if (!allowed.has(tag)) report(`element ${where}`);
    if (tag === "script" && !el.getAttribute("src")) report(`inline script ${where}`);
    if (tag === "meta" && el.hasAttribute("http-equiv")) report(`meta http-equiv ${where}`);
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      if (name.startsWith("on")) report(`handler ${name} on ${where}`);
      if (["href", "src", "action", "formaction", "srcdoc", "data", "xlink:href", "background", "poster"].includes(name) && (name === "srcdoc" || badUrl.test(a.value))) report(`${name}=${a.value.slice(0, 60)} on ${where}`);
      if (name === "style" && /url\s*\(|expression\s*\(/i.test(a.value)) report(`style ${a.value.slice(0, 60)} on ${where}`);
    }
  };
  const scan = (n: Node) => {
    if (n.nodeType !== 1) return;
    check(n as Element);
    (n as Element).querySelectorAll("*").forEach(check);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") scan(r.target);
      else r.addedNodes.forEach(scan);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

export async function openXssPage(browser: Browser, url: string, options: { bypassCSP: boolean }): Promise<XssPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true, bypassCSP: options.bypassCSP });
  const page = await context.newPage();
  const hits: number[] = [];
  const dialogs: string[] = [];
  const problems: string[] = [];
  const apiErrors: string[] = [];
  const reported: string[] = [];
  await page.exposeFunction("__xss", (id: number) => void hits.push(id));
  await page.exposeFunction("__xssDom", (what: string) => void reported.push(what));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const expected = /^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) && new URL(m.location().url, url).pathname.startsWith("/api/");
    (expected ? apiErrors : problems).push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(installObserver, APP_TAGS);
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  const audit = async () => [...reported, ...(await page.evaluate(scanPresent, APP_TAGS))];
  return { page, hits, dialogs, problems, apiErrors, audit };
}

/** The same checks over the DOM as it is now (catches anything the observer could have missed). */
function scanPresent(tagList: string): string[] {
  const allowed = new Set(tagList.split(" "));
  const out: string[] = [];
  document.querySelectorAll("*").forEach((el) => {
    const tag = el.tagName.toLowerCase();
    if (!allowed.has(tag)) out.push(`present element <${tag}>`);
    for (const a of Array.from(el.attributes)) if (a.name.toLowerCase().startsWith("on")) out.push(`present handler ${a.name} on <${tag}>`);
  });
  return out;
}
