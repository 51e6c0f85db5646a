import { describe, expect, it } from "vitest";
import { deviceLabel } from "~/auth/device";
import { weakPasswordMessage } from "~/auth/password-strength.server";
import { frenchWait } from "~/auth/throttle.server";

describe("password strength (zxcvbn-ts, French dictionaries)", () => {
  it("refuses common, keyboard, repeated and personal passwords with French advice", () => {
    for (const weak of ["123456789012", "azertyuiop12", "motdepasse123", "bonjourbonjour"]) {
      expect(weakPasswordMessage(weak), weak).toMatch(/^Ce mot de passe est trop facile à deviner\. /);
    }
    expect(weakPasswordMessage("123456789012")).toContain("couramment utilisé");
    expect(weakPasswordMessage("jean.dupont@exemple.fr", { email: "jean.dupont@exemple.fr" })).toContain("données personnelles");
    expect(weakPasswordMessage("NumeriqueDurable2026", { organisationName: "Numérique Durable SAS" })).not.toBeNull();
  });

  it("accepts passphrases", () => {
    for (const strong of ["Chevaux-Mauves-Sous-La-Pluie", "correct horse battery staple", "un-mot-de-passe-solide", "Séquoia-Lumière-47!"]) {
      expect(weakPasswordMessage(strong), strong).toBeNull();
    }
  });
});

describe("device labels for the sessions page", () => {
  it("names the usual browsers and systems", () => {
    expect(deviceLabel("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36")).toBe("Chrome 126 sur Linux");
    expect(deviceLabel("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.2535.67")).toBe("Edge 125 sur Windows");
    expect(deviceLabel("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0")).toBe("Firefox 128 sur macOS");
    expect(deviceLabel("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).toBe("Safari 17 sur iOS");
    expect(deviceLabel("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36")).toBe("Chrome 126 sur Android");
    expect(deviceLabel("curl/8.5.0")).toBe("Navigateur inconnu");
    expect(deviceLabel("")).toBe("Appareil inconnu");
  });
});

describe("waits in French", () => {
  it("says seconds, minutes, hours", () => {
    expect(frenchWait(1)).toBe("1 seconde");
    expect(frenchWait(45_000)).toBe("45 secondes");
    expect(frenchWait(60_000)).toBe("1 minute");
    expect(frenchWait(119_001)).toBe("2 minutes");
    expect(frenchWait(3_600_000)).toBe("1 heure");
    expect(frenchWait(3_900_000)).toBe("1 heure et 5 minutes");
    expect(frenchWait(6 * 3_600_000)).toBe("6 heures");
  });
});
