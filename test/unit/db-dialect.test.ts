import { describe, expect, it } from "vitest";
import { poolSize } from "#db/connection";
import { databaseDialect } from "#db/dialect";

describe("which engine DATABASE_URL selects (db/dialect.ts)", () => {
  it("PostgreSQL for postgres:// and postgresql:// URLs, in any letter case", () => {
    expect(databaseDialect({ DATABASE_URL: "postgres://u:p@db.example:5432/nr" })).toBe("postgresql");
    expect(databaseDialect({ DATABASE_URL: "postgresql://localhost/nr" })).toBe("postgresql");
    expect(databaseDialect({ DATABASE_URL: "  PostgreSQL://localhost/nr" })).toBe("postgresql");
  });

  it("SQLite for anything else or nothing", () => {
    expect(databaseDialect({})).toBe("sqlite");
    expect(databaseDialect({ DATABASE_URL: "" })).toBe("sqlite");
    expect(databaseDialect({ DATABASE_URL: "file:./data/nr.sqlite" })).toBe("sqlite");
    expect(databaseDialect({ DATABASE_URL: "mysql://localhost/nr" })).toBe("sqlite");
    expect(databaseDialect({ DATABASE_URL: "postgres:/missing-slash" })).toBe("sqlite");
  });
});

describe("DATABASE_POOL_SIZE", () => {
  it("defaults to 10 and accepts a positive integer", () => {
    expect(poolSize({})).toBe(10);
    expect(poolSize({ DATABASE_POOL_SIZE: " " })).toBe(10);
    expect(poolSize({ DATABASE_POOL_SIZE: "25" })).toBe(25);
  });

  it("refuses anything else, in French", () => {
    for (const bad of ["0", "-3", "2.5", "dix"]) {
      expect(() => poolSize({ DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE doit être un entier positif/);
    }
  });
});
