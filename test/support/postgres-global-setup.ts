import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "./postgres-cluster";

/**
 * Vitest globalSetup of the projects that run on PostgreSQL: ONE throwaway cluster for the whole
 * project (test/support/postgres-cluster.ts), its superuser URL `provide`d as `postgresAdminUrl`
 * (`inject("postgresAdminUrl")` in tests and setup files). The returned teardown stops the cluster and
 * removes its folder, whether the tests passed or failed.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  project.provide("postgresAdminUrl", cluster.adminUrl);
  return async () => {
    await cluster.stop();
  };
}
