/**
 * Vite build of the web explorer: sources in web/, output in web/dist (served by
 * the Parley server at /). No inline scripts or styles are emitted, so the
 * server's strict content security policy holds.
 */
import { defineConfig } from "vite";

export default defineConfig({
  root: "web",
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Sigma and graphology are large; one chunk is fine for a local tool.
    chunkSizeWarningLimit: 1500,
    // Inline assets would need `data:` in more CSP directives; keep them as files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    // Dev only: forward the API to a running `parley serve` (PARLEY_API, default :3000).
    proxy: { "/api": process.env.PARLEY_API ?? "http://127.0.0.1:3000" },
  },
});
