/**
 * Legal references of the content: the registry of cited texts with their official source link, and the
 * detector the content tests and pages use. See ./detect.ts for what counts as a legal reference.
 */
export * from "./registry";
export * from "./detect";
