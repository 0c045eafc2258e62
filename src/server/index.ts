export { createApp, type AppOptions, type ParleyApp } from "./app.ts";
export { startServer, type StartOptions, type RunningServer } from "./start.ts";
export { loadServerState, swapGraph, type ServerState, type QueryEngine } from "./state.ts";
export { HttpError, NotFoundError, RequestValidationError } from "./http-errors.ts";
