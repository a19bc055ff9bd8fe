// The edge-runtime bundle's entry: exposes runSmoke on the VM's global object (an IIFE bundle has no exports).
import { runSmoke } from "../shared/smoke.ts";

(globalThis as { __runSmoke?: typeof runSmoke }).__runSmoke = runSmoke;
