/**
 * Scopes: the variables bound at a point of the query, with what is known of
 * their types. A scope is copied, never changed, when a clause extends it.
 */
import { ANY, type SemType } from "./types.ts";

export type Scope = ReadonlyMap<string, SemType>;

/** A scope in which every name is defined (of unknown type): what follows a clause the analysis does not know. */
export class OpenScope extends Map<string, SemType> {
  override get(name: string): SemType {
    return super.get(name) ?? ANY;
  }
}

/** A copy of `scope` to extend, as open as it was. */
export function extend(scope: Scope): Map<string, SemType> {
  return scope instanceof OpenScope ? new OpenScope(scope) : new Map(scope);
}
