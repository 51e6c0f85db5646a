import { z } from "zod";

/**
 * A one-time message shown after a redirect (see flash.server.ts). `for` names the place of the
 * page that shows it (e.g. the evaluated criterion); without it the page shows it at its top.
 */
export const flashSchema = z.object({
  message: z.string().min(1).max(500),
  for: z.string().max(100).optional(),
  /** Path of the page it was set for (filled by `redirectWithFlash`): another page never shows it. */
  path: z.string().max(2000).optional(),
  /** Tells two flashes with the same text apart (see components/flash.tsx). */
  id: z.string().max(40).optional(),
});
export type Flash = z.infer<typeof flashSchema>;
