import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";

const trustProxy = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;

describe("TRUST_PROXY", () => {
  it("trusts no proxy by default or when false or 0", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(trustProxy("false")).toBe(false);
    expect(trustProxy("0")).toBe(false);
  });

  it("reads a number as that many nearest hops, and true as one hop (as before)", () => {
    for (const [value, hops] of [
      ["true", 1],
      ["1", 1],
      ["2", 2],
    ] as const) {
      const trust = trustProxy(value);
      if (typeof trust !== "function") throw new Error(`${value} did not give a hop count`);
      expect(trust("203.0.113.1", hops - 1)).toBe(true);
      expect(trust("203.0.113.1", hops)).toBe(false);
    }
  });

  it("reads a comma-separated list of proxy addresses and CIDRs", () => {
    expect(trustProxy("10.0.0.5, 10.1.0.0/16,::1,loopback")).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
      "::1",
      "loopback",
    ]);
  });

  it("refuses anything else, naming the setting", () => {
    expect(() => trustProxy("yes")).toThrow(/TRUST_PROXY/);
    expect(() => trustProxy("10.0.0.0/33")).toThrow(/TRUST_PROXY/);
    expect(() => trustProxy("10.0.0.1,proxy.example")).toThrow(/proxy\.example/);
  });
});
