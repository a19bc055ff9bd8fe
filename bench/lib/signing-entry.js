// What the signing bench loads from a variant bundle of @cloud-models/core (see signing.mjs).
export { acs3Authorization, bceV1Authorization, signAcs3, signBceV1 } from "@cloud-models/core";
