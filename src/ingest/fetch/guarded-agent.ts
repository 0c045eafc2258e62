/**
 * The undici Agent a fetch connects through. Its DNS lookup is the address
 * check: every address a host name resolves to must pass the policy, and the
 * socket connects to exactly the address checked, so a name that resolves (or
 * re-resolves, DNS rebinding) to 127.0.0.1 is refused. IP literals skip DNS
 * lookup in node:net, so fetchSource checks those itself (assertAllowedHost).
 */
import { isIP, type LookupFunction } from "node:net";
import { Agent } from "undici";
import { classifyAddress, type AddressClass } from "./address.ts";
import type { ResolvedFetchOptions } from "./options.ts";

/** Raised inside the lookup; fetchSource turns it into a FetchError "private_address" naming the URL. */
export class BlockedAddressError extends Error {
  override name = "BlockedAddressError";
  constructor(
    readonly host: string,
    readonly address: AddressClass,
  ) {
    super(`${host} resolves to ${address.address}, ${address.description}`);
  }
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
}

function checkedLookup(options: ResolvedFetchOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    const family = lookupOptions.family === "IPv4" ? 4 : lookupOptions.family === "IPv6" ? 6 : lookupOptions.family || 0;
    options.resolve(hostname).then(
      (resolved) => {
        const blocked = resolved.find((a) => !options.allowAddress(a.address));
        if (blocked) return callback(new BlockedAddressError(hostname, classifyAddress(blocked.address)), "", 0);
        const addresses = resolved.filter((a) => !family || a.family === family);
        if (!addresses.length) return callback(notFound(hostname), "", 0);
        if (lookupOptions.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, "", 0),
    );
  };
}

/** The policy's verdict on a host that is an IP literal, null for a name (checked at lookup). */
export function literalAddressRefusal(hostname: string, options: ResolvedFetchOptions): AddressClass | null {
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (!isIP(bare)) return null;
  return options.allowAddress(bare) ? null : classifyAddress(bare);
}

export function createGuardedAgent(options: ResolvedFetchOptions): Agent {
  return new Agent({
    connect: { lookup: checkedLookup(options), timeout: options.timeoutMs },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
}
