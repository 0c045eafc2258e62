/**
 * Which IP addresses a fetch may connect to. Only global unicast is public:
 * IPv4 outside every special range ipaddr.js knows (loopback, private,
 * link-local, CGNAT, multicast, reserved, ...), and IPv6 inside 2000::/3 and
 * outside its special ranges. IPv6 forms that carry an IPv4 address
 * (::ffff:a.b.c.d, NAT64 64:ff9b::/96, IPv4-compatible ::a.b.c.d) are judged
 * by that IPv4 address, so ::ffff:127.0.0.1 is loopback.
 */
import ipaddr from "ipaddr.js";

export interface AddressClass {
  /** The address as given. */
  address: string;
  /** ipaddr.js's range name ("unicast", "loopback", "private", "uniqueLocal", ...), or "invalid". */
  range: string;
  public: boolean;
  /** "a loopback address", "an IPv4-mapped private network address", for messages. */
  description: string;
}

const DESCRIPTIONS: Record<string, string> = {
  unicast: "a public address",
  loopback: "a loopback address",
  private: "a private network address",
  linkLocal: "a link-local address",
  carrierGradeNat: "a carrier-grade NAT (shared) address",
  uniqueLocal: "a unique-local (private) address",
  unspecified: "the unspecified address",
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  reserved: "a reserved address",
  invalid: "not a valid IP address",
  notGlobal: "an IPv6 address outside the global unicast range 2000::/3",
};

/** IPv6 ranges whose last 32 bits are an IPv4 address. */
const EMBEDS_IPV4 = new Set(["ipv4Mapped", "rfc6145", "rfc6052"]);
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR("::/96");

function describe(range: string): string {
  return DESCRIPTIONS[range] ?? `a special-purpose (${range}) address`;
}

function classifyV4(v4: ipaddr.IPv4): { range: string; public: boolean } {
  const range = v4.range();
  return { range, public: range === "unicast" };
}

export function classifyAddress(address: string): AddressClass {
  const bare = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return { address, range: "invalid", public: false, description: describe("invalid") };
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === "ipv4") {
    const c = classifyV4(parsed as ipaddr.IPv4);
    return { address, ...c, description: describe(c.range) };
  }
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  const embedded = EMBEDS_IPV4.has(range) || (range !== "unspecified" && range !== "loopback" && v6.match(IPV4_COMPATIBLE));
  if (embedded) {
    const c = classifyV4(ipaddr.fromByteArray(v6.toByteArray().slice(-4)) as ipaddr.IPv4);
    const form = range === "rfc6052" ? "a NAT64" : "an IPv4-mapped";
    return { address, range: c.range, public: c.public, description: c.public ? describe("unicast") : `${form} ${describe(c.range).replace(/^(a|an|the) /, "")}` };
  }
  if (range === "unicast" && !v6.match(GLOBAL_UNICAST_V6)) return { address, range: "notGlobal", public: false, description: describe("notGlobal") };
  return { address, range, public: range === "unicast", description: describe(range) };
}

/** The default address policy: global unicast only. */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address).public;
}
