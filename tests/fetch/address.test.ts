/** The address policy as a table: only global unicast is public, IPv6 forms of IPv4 addresses are judged by the IPv4 address. */
import { describe, expect, it } from "vitest";
import { classifyAddress, isPublicAddress } from "../../src/ingest/fetch/index.ts";

const TABLE: Array<[address: string, isPublic: boolean, range: string]> = [
  // IPv4 public
  ["8.8.8.8", true, "unicast"],
  ["1.1.1.1", true, "unicast"],
  ["172.32.0.1", true, "unicast"],
  ["100.128.0.1", true, "unicast"],
  // IPv4 special
  ["127.0.0.1", false, "loopback"],
  ["127.255.255.254", false, "loopback"],
  ["10.0.0.1", false, "private"],
  ["172.16.0.1", false, "private"],
  ["172.31.255.255", false, "private"],
  ["192.168.1.1", false, "private"],
  ["169.254.169.254", false, "linkLocal"],
  ["100.64.0.1", false, "carrierGradeNat"],
  ["100.127.255.255", false, "carrierGradeNat"],
  ["0.0.0.0", false, "unspecified"],
  ["0.1.2.3", false, "unspecified"],
  ["255.255.255.255", false, "broadcast"],
  ["224.0.0.1", false, "multicast"],
  ["239.255.255.250", false, "multicast"],
  ["192.0.2.1", false, "reserved"],
  ["198.18.0.1", false, "reserved"],
  ["240.0.0.1", false, "reserved"],
  // IPv6 public
  ["2606:4700:4700::1111", true, "unicast"],
  ["2001:4860:4860::8888", true, "unicast"],
  ["::ffff:8.8.8.8", true, "unicast"],
  ["64:ff9b::808:808", true, "unicast"],
  // IPv6 special
  ["::1", false, "loopback"],
  ["[::1]", false, "loopback"],
  ["::", false, "unspecified"],
  ["fe80::1", false, "linkLocal"],
  ["fc00::1", false, "uniqueLocal"],
  ["fd12:3456:789a::1", false, "uniqueLocal"],
  ["ff02::1", false, "multicast"],
  ["fec0::1", false, "deprecatedSiteLocal"],
  ["2001:db8::1", false, "reserved"],
  ["2002:7f00:1::1", false, "6to4"],
  ["2001::1", false, "teredo"],
  ["100::1", false, "discard"],
  ["4000::1", false, "notGlobal"],
  // IPv4 inside IPv6
  ["::ffff:127.0.0.1", false, "loopback"],
  ["::ffff:7f00:1", false, "loopback"],
  ["::ffff:10.0.0.1", false, "private"],
  ["::ffff:169.254.169.254", false, "linkLocal"],
  ["::ffff:0.0.0.0", false, "unspecified"],
  ["::127.0.0.1", false, "loopback"],
  ["::7f00:1", false, "loopback"],
  ["64:ff9b::7f00:1", false, "loopback"],
  ["64:ff9b::a00:1", false, "private"],
  // Not addresses
  ["localhost", false, "invalid"],
  ["", false, "invalid"],
];

describe("classifyAddress", () => {
  it.each(TABLE)("%s → public %s (%s)", (address, isPublic, range) => {
    const c = classifyAddress(address);
    expect([c.public, c.range]).toEqual([isPublic, range]);
    expect(isPublicAddress(address)).toBe(isPublic);
  });

  it("describes what it refuses", () => {
    expect(classifyAddress("127.0.0.1").description).toBe("a loopback address");
    expect(classifyAddress("::ffff:192.168.0.1").description).toBe("an IPv4-mapped private network address");
    expect(classifyAddress("64:ff9b::7f00:1").description).toBe("a NAT64 loopback address");
  });
});
