/** openCypher's temporal values: the engine sees them through these names only. */
export { Temporal, DateValue, LocalTimeValue, TimeValue, LocalDateTimeValue, DateTimeValue } from "./temporal-values.ts";
export { DurationValue } from "./duration.ts";
export { compareTemporal, equalTemporal, orderTemporal, temporalKey } from "./order.ts";
export { temporalComponent } from "./accessors.ts";
export { temporalOperator } from "./operators.ts";
export { addDurations, scaleDuration } from "./arithmetic.ts";
export { TEMPORAL_FUNCTIONS } from "./functions.ts";
export { parseDateText } from "./parse-text.ts";
export type { ArithmeticOp } from "./operators.ts";
