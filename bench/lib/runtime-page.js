// The Chromium entry: exposes the signing loop to the page for runtimes.mjs to call.
import { signaturesPerSecond } from "./runtime-signing.js";

globalThis.__signaturesPerSecond = signaturesPerSecond;
