import { useEffect, useRef, useState } from "react";

/**
 * A link to hand on: always selectable text (works without JavaScript: select it and copy), plus a
 * « Copier le lien » button once JavaScript runs (Clipboard API; falls back to selecting the text
 * and `execCommand("copy")` where the API is unavailable, e.g. plain http on another host).
 */
export function CopyLink({ url, label, testId }: { url: string; label: string; testId?: string }) {
  const [scripted, setScripted] = useState(false);
  const [status, setStatus] = useState("");
  const text = useRef<HTMLElement>(null);
  useEffect(() => setScripted(true), []);

  async function copy() {
    try {
      if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(url);
      else if (!selectAndCopy(text.current)) throw new Error("copy refused");
      setStatus("Lien copié dans le presse-papiers.");
    } catch {
      selectAndCopy(text.current, false);
      setStatus("Copie impossible ici : le lien est sélectionné, copiez-le avec Ctrl+C (⌘+C sur Mac).");
    }
  }

  return (
    <div className="copy">
      <p className="copy__label">{label}</p>
      <code ref={text} className="copy-link" data-testid={testId}>
        {url}
      </code>
      {scripted ? (
        <p className="actions">
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            Copier le lien
          </button>
          <span role="status" className="small">
            {status}
          </span>
        </p>
      ) : null}
    </div>
  );
}

function selectAndCopy(node: HTMLElement | null, execute = true): boolean {
  if (!node) return false;
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return execute ? document.execCommand("copy") : true;
}
