import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { ghgCategories } from "#questionnaires/emission-factors";
import { requireRole } from "~/auth/session.server";
import { csrFactors } from "~/carbon/csr.server";
import { segmentLabel } from "~/carbon/labels";
import { FactorTable, Pagination } from "~/components/carbon/factor-table";
import { formatParis } from "~/lib/dates";
import { defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Facteurs d'émission des fournisseurs — Espace RSE — NR Procure" }];

const optionalInt = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => {
      const t = (s ?? "").trim();
      if (!/^\d{1,15}$/.test(t)) return null;
      const n = Number(t);
      return n >= 1 && n <= max ? n : null;
    });

const querySchema = z.object({
  fournisseur: optionalInt(Number.MAX_SAFE_INTEGER),
  version: optionalInt(Number.MAX_SAFE_INTEGER),
  categorie: optionalInt(15),
  segment: z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim().slice(0, 200) || null),
  page: optionalInt(1_000_000).transform((n) => n ?? 1),
});

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  const q = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await csrFactors({ user, supplierId: q.fournisseur, setId: q.version, segment: q.segment, ghgCategory: q.categorie, page: q.page });
  return {
    filters: q,
    ...result,
    suppliers: result.suppliers.map((s) => ({ ...s, versions: s.versions.map((v) => ({ ...v, createdAtLabel: formatParis(v.createdAt, "short") })) })),
  };
});

export default function CsrFactors() {
  const d = useLoaderData<typeof loader>();
  const location = useLocation();
  const selectedSupplier = d.suppliers.find((s) => s.id === (d.selectedVersion?.supplierId ?? d.filters.fournisseur));
  return (
    <>
      <p className="muted">
        <Link to="/rse">Espace RSE</Link> › Facteurs des fournisseurs
      </p>
      <h1>Facteurs d'émission des fournisseurs</h1>
      <p className="lead">
        Facteurs déclarés par les fournisseurs liés à votre organisation (invités à l'une de vos consultations), dernière version de chacun par défaut. Valeurs
        normalisées en kgCO2e par unité d'activité ; la valeur et l'unité d'origine sont rappelées. <Link to="/rse/facteurs/qualite">Comment lire la qualité et la
        plausibilité</Link>.
      </p>

      {d.suppliers.length === 0 ? (
        <p className="alert alert--info">Aucun fournisseur lié : les fournisseurs apparaissent ici dès qu'ils ont accepté une invitation à l'une de vos consultations.</p>
      ) : null}

      <Form method="get" className="card" aria-label="Filtrer les facteurs">
        <div className="grid" style={{ alignItems: "end" }}>
          <div className="field">
            <label htmlFor="f-supplier">Fournisseur</label>
            <select id="f-supplier" name="fournisseur" defaultValue={d.filters.fournisseur ?? ""}>
              <option value="">Tous</option>
              {d.suppliers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-segment">Segment</label>
            <select id="f-segment" name="segment" defaultValue={d.filters.segment ?? ""}>
              <option value="">Tous</option>
              {d.segmentOptions.map((s) => (
                <option key={s} value={s}>
                  {segmentLabel(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-category">Catégorie GHG Protocol</label>
            <select id="f-category" name="categorie" defaultValue={d.filters.categorie ?? ""}>
              <option value="">Toutes</option>
              {ghgCategories.map((c) => (
                <option key={c.number} value={c.number}>
                  {c.number} — {c.labelFr}
                </option>
              ))}
            </select>
          </div>
          {d.filters.version ? <input type="hidden" name="version" value={d.filters.version} /> : null}
          <div className="actions" style={{ margin: 0 }}>
            <button type="submit" className="button">
              Filtrer
            </button>
            <Link to="/rse/facteurs">Réinitialiser</Link>
          </div>
        </div>
      </Form>

      {d.selectedVersion ? (
        <p className="alert alert--warn">
          Version {d.selectedVersion.version} de {d.selectedVersion.supplierName}
          {d.selectedVersion.latest ? " (en vigueur)" : " (remplacée depuis par une version plus récente)"}.{" "}
          <Link to={`/rse/facteurs?fournisseur=${d.selectedVersion.supplierId}`}>Revenir à la dernière version</Link>
        </p>
      ) : null}

      {selectedSupplier && selectedSupplier.versions.length > 0 ? (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Versions de {selectedSupplier.name}</h2>
          <ul>
            {selectedSupplier.versions.map((v, i) => (
              <li key={v.id}>
                <Link to={`/rse/facteurs?fournisseur=${selectedSupplier.id}&version=${v.id}`}>version {v.version}</Link> — {v.createdAtLabel}, {v.count} facteurs
                {i === 0 ? " (en vigueur)" : ""}
                {v.tenderTitle ? `, consultation « ${v.tenderTitle} »` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.monetaryCount > 0 ? (
        <p className={d.flagged > 0 ? "alert alert--warn" : "alert alert--info"}>
          {d.flagged} facteur{d.flagged > 1 ? "s" : ""} par k€ sur {d.monetaryCount} s'écarte{d.flagged > 1 ? "nt" : ""} de plus d'un facteur 10 du ratio monétaire de
          référence de leur segment ou catégorie (<Link to="/rse/ratios">vos ratios de référence</Link>).
        </p>
      ) : null}

      <Pagination page={d.factors.page} pages={d.factors.pages} total={d.factors.total} search={location.search} />
      <FactorTable rows={d.factors.rows} supplierNames={d.supplierNames} />
    </>
  );
}
