import type { LinksFunction } from "@remix-run/node";
import styles from "./tenders.css?url";

/** Stylesheet of the buyer journey pages: `export const links = tenderLinks;` in each route. */
export const tenderLinks: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
