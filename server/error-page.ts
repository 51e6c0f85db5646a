/**
 * The few pages the server answers itself, outside Remix (a refused foreign form, a missing
 * asset, an error that escaped Remix): plain French HTML with the portal's colours, no script.
 */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function errorPageHtml({ title, paragraphs, requestId }: { title: string; paragraphs: string[]; requestId?: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n    ");
  const reference = requestId ? `\n    <p class="ref">Référence de la requête : <code>${escapeHtml(requestId)}</code></p>` : "";
  return `<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} — NR Procure</title>
  <style>
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d2330; background: #f6f7f9; line-height: 1.5; }
    main { max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }
    .brand { font-weight: 700; color: #1f6f50; text-decoration: none; font-size: 1.2rem; }
    a { color: #1f6f50; } .ref { color: #5a6272; font-size: .9rem; }
  </style>
</head>
<body>
  <main>
    <p><a class="brand" href="/">NR Procure</a></p>
    <h1>${escapeHtml(title)}</h1>
    ${body}${reference}
    <p><a href="/">Retour à l'accueil</a></p>
  </main>
</body>
</html>
`;
}
