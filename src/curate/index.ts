export { applyEdits, deletedArticles, quoteOccursIn } from "./apply.ts";
export { describeEdit, EDIT_OPS, type CurationReport, type Edit, type EditOp, type EditOutcome, type EditParams, type EditStatus } from "./edits.ts";
