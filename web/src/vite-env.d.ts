/** Vite client types (CSS imports, import.meta.env) for the web sources. */
/// <reference types="vite/client" />
