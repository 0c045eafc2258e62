/**
 * Security headers, by what a response is. JSON from /api gets the few headers
 * that matter for data (no sniffing, no cross-origin embedding, no framing),
 * precomputed once and set in one pass; helmet's full set with the web app's
 * content security policy goes on everything else (HTML, scripts, styles).
 * Running helmet's twelve middlewares on every API call cost more than the
 * cheap API endpoints themselves (bench: /api/path vs a bare Express endpoint).
 */
import type { RequestHandler } from "express";
import helmet from "helmet";

/** The web app's needs: own scripts and styles only, images from data:/blob: (PNG export), a blob: worker (ForceAtlas2). */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:", "blob:"],
  workerSrc: ["'self'", "blob:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Served over plain http on localhost: upgrading would break every asset.
  upgradeInsecureRequests: null,
};

/**
 * For data: a browser must never run, style or frame it, nor read it from another
 * origin without CORS (Spectre-style leaks through no-cors embeds).
 */
const API_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["X-Content-Type-Options", "nosniff"],
  ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"],
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["X-Frame-Options", "DENY"],
  ["Referrer-Policy", "no-referrer"],
];

export const apiSecurityHeaders: RequestHandler = (_req, res, next) => {
  for (const [name, value] of API_HEADERS) res.setHeader(name, value);
  next();
};

export const webSecurityHeaders: RequestHandler = helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } });
