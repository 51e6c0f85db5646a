import { Form } from "@remix-run/react";

/**
 * Edition picker of the public guide pages: a GET form (works without JavaScript), keyboard-usable.
 * `hidden` keeps other query parameters (e.g. a search) when the edition changes.
 */
export function GuideVersionPicker({
  versions,
  selected,
  name = "version",
  label = "Édition du guide",
  hidden = {},
}: {
  versions: readonly { version: string; publishedAt: string; current: boolean }[];
  selected: string;
  name?: string;
  label?: string;
  hidden?: Record<string, string>;
}) {
  const id = `guide-${name}`;
  return (
    <Form method="get" className="search no-print" aria-label={`Choisir : ${label.toLowerCase()}`}>
      {Object.entries(hidden).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <label htmlFor={id}>{label}</label>{" "}
      <select id={id} name={name} defaultValue={selected}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {v.version} ({v.current ? "en vigueur, " : ""}publiée le {v.publishedAt.split("-").reverse().join("/")})
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="button button--secondary">
        Afficher
      </button>
    </Form>
  );
}

/** « Guide INR/ISIT 2024 » / « Édition NR Procure »: where a field comes from. */
export function ProvenanceTag({ label }: { label: string }) {
  return (
    <span className="badge" title="Provenance de ce contenu">
      {label}
    </span>
  );
}

/** Links to the official text of each legal reference cited (or « à vérifier »). */
export function LegalSources({ sources }: { sources: readonly { key: string; label: string; url: string | null; toVerify: boolean }[] }) {
  if (sources.length === 0) return null;
  return (
    <p className="small muted">
      Textes cités :{" "}
      {sources.map((s, i) => (
        <span key={s.key}>
          {i > 0 ? " · " : ""}
          {s.url ? (
            <a href={s.url} rel="noopener noreferrer">
              {s.label}
            </a>
          ) : (
            s.label
          )}
          {s.toVerify ? " (à vérifier)" : ""}
        </span>
      ))}
    </p>
  );
}
