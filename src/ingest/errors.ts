/** An article that cannot be ingested: names the file (or input field) and the reason. */
export class IngestError extends Error {
  override name = "IngestError";
  expose = true;
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source}: ${reason}`);
  }
}
