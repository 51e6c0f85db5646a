/**
 * A short French label for a User-Agent string, for the sessions page: « Firefox 128 sur Linux ».
 * Only the browsers and systems people use at work are named; anything else is « Navigateur inconnu ».
 * The order matters: Edge and Opera also say "Chrome", Chrome also says "Safari". Browser-safe.
 */
const browsers: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/(?:OPR|Opera)\/(\d+)/, "Opera"],
  [/SamsungBrowser\/(\d+)/, "Samsung Internet"],
  [/(?:Firefox|FxiOS)\/(\d+)/, "Firefox"],
  [/(?:Chrome|CriOS|Chromium)\/(\d+)/, "Chrome"],
  [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
];

const systems: [RegExp, string][] = [
  [/Windows NT/, "Windows"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

export function deviceLabel(userAgent: string): string {
  if (!userAgent.trim()) return "Appareil inconnu";
  const browser = browsers.map(([re, name]) => ({ m: re.exec(userAgent), name })).find((b) => b.m);
  const system = systems.find(([re]) => re.test(userAgent))?.[1];
  const b = browser ? `${browser.name} ${browser.m![1]}` : "Navigateur inconnu";
  return system ? `${b} sur ${system}` : b;
}
