// Core alone, every export kept: the ceiling of what @cloud-models/core can add to an app.
export * from "@cloud-models/core";
