import { loader as overviewLoader } from "~/routes/fournisseur.consultations.$tenderId._index";
import { loader as sectionLoader } from "~/routes/fournisseur.consultations.$tenderId.sections.$criterionId";
import type { Outcome, TestClient } from "./client";

type SectionData = {
  version: number;
  status: string;
  answers: Record<string, unknown>;
  fingerprints: Record<string, string>;
  files: Record<string, unknown[]>;
};

/**
 * The whole questionnaire as the single page used to load it, read the way a supplier now does:
 * the overview (sections, version, status), then every section page (answers, fingerprints,
 * files), merged. A refused overview (404…) is returned as it is.
 */
export async function loadQuestionnaire(client: TestClient, tenderId: number): Promise<Outcome> {
  const path = `/fournisseur/consultations/${tenderId}`;
  const overview = await client.get(overviewLoader, path, { tenderId: String(tenderId) });
  if (overview.status !== 200) return overview;
  const o = overview.body as { sections: { id: string }[]; version: number; status: string };
  const merged: SectionData = { ...(overview.body as object), version: o.version, status: o.status, answers: {}, fingerprints: {}, files: {} };
  for (const s of o.sections) {
    const out = await client.get(sectionLoader, `${path}/sections/${s.id}`, { tenderId: String(tenderId), criterionId: s.id });
    if (out.status !== 200) return out;
    const b = out.body as SectionData;
    Object.assign(merged.answers, b.answers);
    Object.assign(merged.fingerprints, b.fingerprints);
    Object.assign(merged.files, b.files);
  }
  return { ...overview, body: merged };
}
