// All tables, by area. drizzle-kit reads this folder; the app imports from "db/schema".
export * from "./accounts";
export * from "./tenders";
export * from "./responses";
export * from "./factors";
export * from "./membership-requests";
export * from "./account-security";
export * from "./bill";
export * from "./campaigns";
export * from "./files";
