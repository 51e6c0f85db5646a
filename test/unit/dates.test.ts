import { describe, expect, it } from "vitest";
import { formatParis, parisToUtcIso, utcIsoToParis } from "~/lib/dates";

describe("Paris deadlines", () => {
  it("converts winter (UTC+1) and summer (UTC+2) wall-clock times to UTC", () => {
    expect(parisToUtcIso("2026-01-15", "10:30")).toBe("2026-01-15T09:30:00.000Z");
    expect(parisToUtcIso("2026-07-01", "17:00")).toBe("2026-07-01T15:00:00.000Z");
  });

  it("handles the DST change days", () => {
    // 29 March 2026, 02:00 → 03:00: 03:30 exists (UTC+2); 01:30 is still UTC+1.
    expect(parisToUtcIso("2026-03-29", "01:30")).toBe("2026-03-29T00:30:00.000Z");
    expect(parisToUtcIso("2026-03-29", "03:30")).toBe("2026-03-29T01:30:00.000Z");
    // 25 October 2026: 12:00 is UTC+1 again.
    expect(parisToUtcIso("2026-10-25", "12:00")).toBe("2026-10-25T11:00:00.000Z");
  });

  it("rejects malformed or impossible dates", () => {
    expect(parisToUtcIso("2026-02-30", "10:00")).toBeNull();
    expect(parisToUtcIso("30/06/2026", "10:00")).toBeNull();
    expect(parisToUtcIso("2026-06-30", "25:00")).toBeNull();
  });

  it("round-trips to form values and formats in French", () => {
    const iso = parisToUtcIso("2026-06-30", "12:00")!;
    expect(utcIsoToParis(iso)).toEqual({ date: "2026-06-30", time: "12:00" });
    expect(formatParis(iso, "numeric", { withZone: true })).toBe("30/06/2026 à 12:00 (heure de Paris)");
  });
});
