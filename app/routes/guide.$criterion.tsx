import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GuideVersionPicker, LegalSources, ProvenanceTag } from "~/components/guide/version-picker";
import { UNKNOWN_VERSION_MESSAGE, guideCriterion, guideFromUrl, guideVersionOptions, provenanceForPages, versionQuery } from "~/lib/guide.server";
import { maturityScale } from "#questionnaires/maturity-scale";
import { notFound } from "~/lib/errors";
import { defineLoader } from "~/lib/route.server";

const paramsSchema = z.object({ criterion: z.string().regex(/^[a-z0-9-]{1,64}$/) });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.criterion.title} — Guide de maturité — NR Procure` : "Critère introuvable — NR Procure" },
];

export const loader = defineLoader(async ({ params, request }: LoaderFunctionArgs) => {
  const guide = guideFromUrl(new URL(request.url));
  if (!guide) throw notFound(UNKNOWN_VERSION_MESSAGE);
  const parsed = paramsSchema.safeParse(params);
  const found = parsed.success ? guideCriterion(guide, parsed.data.criterion) : null;
  if (!found) throw notFound("Ce critère n'existe pas dans le guide.");
  return { ...found, scale: maturityScale, versions: guideVersionOptions(), versionQuery: versionQuery(guide), provenance: provenanceForPages() };
});

const SCOPE_TEXT = {
  contract: "Portée : marché — moyens affectés au présent marché",
  organisation: "Portée : organisation — politique générale de l'entreprise (pour information dans un marché public)",
} as const;

/** The five levels: ADEME/ANCT labels with the question's own descriptors, or the generic ones. */
function LevelList({
  scale,
  levels,
}: {
  scale: readonly { level: number; label: string; descriptor: string }[];
  levels?: Readonly<Record<"1" | "2" | "3" | "4" | "5", string>> | undefined;
}) {
  return (
    <dl className="levels">
      {scale.map((s) => (
        <div key={s.level} style={{ display: "contents" }}>
          <dt>
            {s.level} · {s.label}
          </dt>
          <dd>{levels?.[String(s.level) as "1" | "2" | "3" | "4" | "5"] ?? s.descriptor}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function GuideCriterion() {
  const { criterion, criterionLegalSources, questions, version, hasScope, scale, versions, versionQuery: vq, provenance } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        <Link to={`/guide${vq}`}>← Tous les critères</Link>
      </p>
      <h1>
        {criterion.number}. {criterion.title}
      </h1>
      <p className="small muted">
        Intitulé et rang du critère : <ProvenanceTag label={provenance.criterionTitle} /> · description et questions :{" "}
        <ProvenanceTag label={provenance.question} />
      </p>
      <p className="lead">{criterion.description}</p>
      <LegalSources sources={criterionLegalSources} />
      <p className="muted small">
        {questions.length} question{questions.length > 1 ? "s" : ""} · guide version {version}
      </p>
      <GuideVersionPicker versions={versions} selected={version} />
      <section className="card">
        {questions.map((q) => (
          <article className="question" key={q.id} id={q.id} aria-labelledby={`${q.id}-text`}>
            <span className="qid">{q.id}</span>{" "}
            {q.scope ? (
              <span className={q.scope === "contract" ? "badge" : "badge badge--warn"} data-scope={q.scope}>
                {SCOPE_TEXT[q.scope]}
              </span>
            ) : null}
            <h2 className="question__text" id={`${q.id}-text`} style={{ fontSize: "1.05rem" }}>
              {q.text}
            </h2>
            {q.contractText ? (
              <>
                <h3>Formulation pour le présent marché</h3>
                <p className="contract-text">{q.contractText}</p>
              </>
            ) : null}
            {q.scopeNote ? <p className="small muted">Pourquoi cette portée : {q.scopeNote}</p> : null}
            <h3>Ce qu'une réponse solide montre</h3>
            <p>{q.guidance}</p>
            {q.evidenceExamples.length ? (
              <>
                <h3>Exemples de preuves</h3>
                <ul>
                  {q.evidenceExamples.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <details>
              <summary>Niveaux de maturité pour cette question</summary>
              <p className="small muted">
                Intitulés des niveaux : <ProvenanceTag label={provenance.scaleLabels} /> · descripteurs :{" "}
                <ProvenanceTag label={q.levels ? provenance.levels : provenance.scaleDescriptors} />
                {q.levels ? "" : " (échelle générique : cette édition ne donne pas de descripteurs propres à la question)"}
              </p>
              <LevelList scale={scale} levels={q.levels} />
            </details>
            <p className="small muted provenance">
              Provenance : question{q.contractText ? ", formulation pour le marché" : ""}
              {hasScope ? ", portée" : ""}, indications, preuves et descripteurs — <ProvenanceTag label={provenance.question} />
            </p>
            <LegalSources sources={q.legalSources} />
          </article>
        ))}
      </section>
      <section className="card">
        <h2>Échelle de maturité</h2>
        <p className="small muted">
          Intitulés : <ProvenanceTag label={provenance.scaleLabels} /> · descripteurs génériques : <ProvenanceTag label={provenance.scaleDescriptors} />
        </p>
        <LevelList scale={scale} />
      </section>
    </>
  );
}
