import { describe, expect, it } from "vitest";
import { formatChange, formatSeconds, formatValue, toMinutes } from "@/lib/metrics/format";

describe("how figures read", () => {
  it.each([
    { seconds: null, text: "—" },
    { seconds: -5, text: "—" },
    { seconds: 0, text: "0 min" },
    { seconds: 29, text: "0 min" },
    { seconds: 45 * 60, text: "45 min" },
    { seconds: 60 * 60, text: "1 h" },
    { seconds: 68 * 60, text: "1 h 8 min" },
    { seconds: 24 * 3600, text: "1 d" },
    { seconds: 27 * 3600, text: "1 d 3 h" },
  ])("$seconds s reads $text", ({ seconds, text }) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it.each([
    { value: 99.954, unit: "%", text: "99.95 %" },
    { value: 412, unit: "ms", text: "412 ms" },
    { value: 0.1234, unit: "%", text: "0.123 %" },
    { value: 12345.6, unit: "", text: "12,346" },
    { value: null, unit: "ms", text: "—" },
    { value: 1.7e308, unit: "%", text: "1.70e+308 %" },
    { value: -2.5e12, unit: "", text: "-2.50e+12" },
  ])("$value $unit reads $text", ({ value, unit, text }) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it("rounds minutes to one decimal and signs changes", () => {
    expect(toMinutes(4950)).toBe(82.5);
    expect(toMinutes(null)).toBeNull();
    expect([formatChange(27.4), formatChange(-66.6), formatChange(0.3)]).toEqual(["+27%", "−67%", "±0%"]);
    expect([formatChange(Infinity), formatChange(-2e6)]).toEqual(["over +1,000,000%", "over −1,000,000%"]);
  });
});
