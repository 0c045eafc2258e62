/**
 * Issue 7 item 5, dependencies: `npm audit --omit=dev` reports no high or
 * critical advisory for what Parley ships. The audit needs the registry's
 * advisory endpoint. Where the registry refuses that endpoint outright (this
 * workplace's registry answers 405), the audit cannot run: the test is then
 * reported as SKIPPED with the registry's answer, never as passed, because an
 * audit that did not run is not a clean audit. Any finding fails it.
 */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const run = promisify(execFile);

interface AuditReport {
  error?: { code?: string; summary?: string; detail?: string };
  message?: string;
  statusCode?: number;
  metadata?: { vulnerabilities: Record<"info" | "low" | "moderate" | "high" | "critical" | "total", number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[]; fixAvailable: unknown }>;
}

async function audit(): Promise<AuditReport> {
  // npm audit exits 1 when it finds anything (or fails); the JSON on stdout tells which.
  const out = await run("npm", ["audit", "--omit=dev", "--json"], { cwd: ROOT, maxBuffer: 1 << 26, timeout: 120_000 }).then(
    (r) => r.stdout,
    (e: { stdout?: string; message: string }) => e.stdout || JSON.stringify({ message: e.message }),
  );
  try {
    return JSON.parse(out) as AuditReport;
  } catch {
    return { message: `npm audit printed no JSON: ${out.slice(0, 300)}` };
  }
}

/** Why npm produced no audit report: the status and message it printed. */
function failureReason(report: AuditReport): string | null {
  const why = [report.statusCode && `HTTP ${report.statusCode}`, report.error?.code, report.message, report.error?.summary].filter(Boolean).join(" — ");
  return why || "no report";
}

describe("npm audit --omit=dev (issue 7 item 5)", () => {
  it("has no high or critical finding", async (ctx) => {
    const report = await audit();
    if (!report.metadata) {
      const why = failureReason(report);
      ctx.annotate(`npm audit could not run, so the dependencies are NOT known to be clean: ${why}`, "warning");
      console.warn(`npm audit --omit=dev could not run (${why}); skipped, not passed`);
      ctx.skip(`npm audit could not run: ${why}`);
      return;
    }
    const serious = Object.entries(report.vulnerabilities ?? {})
      .filter(([, v]) => v.severity === "high" || v.severity === "critical")
      .map(([name, v]) => `${name} (${v.severity}; fix: ${JSON.stringify(v.fixAvailable)})`);
    expect(serious, `high/critical advisories: ${serious.join(", ")}`).toEqual([]);
    expect(report.metadata.vulnerabilities.high + report.metadata.vulnerabilities.critical).toBe(0);
  }, 180_000);
});
