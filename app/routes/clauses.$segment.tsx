import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ClauseCard } from "~/components/clauses/clause-card";
import { clausierSegment } from "~/lib/clauses.server";
import { defineLoader } from "~/lib/route.server";

const paramsSchema = z.object({ segment: z.string().regex(/^[a-z0-9-]{1,64}$/) });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.segment.label} — Clausier — NR Procure` : "Segment introuvable — NR Procure" },
];

export const loader = defineLoader(async ({ params }: LoaderFunctionArgs) => {
  const parsed = paramsSchema.safeParse(params);
  return clausierSegment(parsed.success ? parsed.data.segment : "");
});

export default function ClausierSegment() {
  const { segment, groups } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        <Link to="/clauses">← Tous les segments</Link>
      </p>
      <h1>{segment.label}</h1>
      <p className="lead">{segment.description}</p>
      <p className="small muted">
        Exemples : {segment.examples.join(", ")} · Source : {segment.sourceFiche}
      </p>
      <nav aria-label="Types de clauses" className="actions no-print">
        {groups.map((g) => (
          <a key={g.id} href={`#${g.id}`}>
            {g.label} ({g.clauses.length})
          </a>
        ))}
      </nav>
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`${g.id}`}>
          <h2 id={g.id}>{g.label}</h2>
          {g.clauses.map((c) => (
            <ClauseCard key={c.id} clause={c} />
          ))}
        </section>
      ))}
    </>
  );
}
