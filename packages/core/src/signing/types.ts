/**
 * Query parameters, not yet encoded: an object of names to values, or name/value pairs (a `URLSearchParams`, say)
 * when a name repeats.
 */
export type QueryInput = Readonly<Record<string, string>> | Iterable<readonly [string, string]>;

/** A point in time, or a function returning one (called once per signature). */
export type DateSource = Date | (() => Date);

/** What an algorithm signs in its canonical headers: the header block and the `;`-joined names. */
export interface CanonicalHeaders {
  readonly canonicalHeaders: string;
  readonly signedHeaders: string;
}

/**
 * The input of {@link acs3Authorization}: the shape of an `acs3` case's `input` in the signing vectors. Only
 * `method`, `pathname`, `query`, `headers`, `body`, `accessKeyId` and `accessKeySecret` are read; the other fields
 * record where those came from. Put every header to sign (`host`, `x-acs-date`, the security token…) in `headers`.
 */
export interface Acs3Input {
  /** The HTTP method, as sent. */
  readonly method: string;
  /** The request path, already percent-encoded (RFC 3986 per path parameter); used as the canonical URI. */
  readonly pathname: string;
  /** The query, already flattened (`Labels.1`, `Labels.2`…) but not encoded. */
  readonly query: QueryInput;
  /** The request headers; `host`, `content-type` and every `x-acs-*` header are signed, unless `signedHeaders` says. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body: a string is hashed as UTF-8; `null` hashes as the empty string. */
  readonly body: string | ArrayBuffer | ArrayBufferView<ArrayBuffer> | null;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /**
   * The names of the headers to sign, when not the default set: a gateway checking a client's `SignedHeaders` signs
   * exactly the names the client listed (a header listed but absent is signed with an empty value).
   */
  readonly signedHeaders?: readonly string[] | null | undefined;
  /** `ACS3-HMAC-SHA256`, the only one supported; omit it or pass `null` for the same. */
  readonly signatureAlgorithm?: string | null | undefined;
  /** Not read (the signer uses `headers.host`). */
  readonly host?: string | null | undefined;
  /** Not read (the signer uses `headers["x-acs-action"]`). */
  readonly action?: string | null | undefined;
  /** Not read (the signer uses `headers["x-acs-version"]`). */
  readonly version?: string | null | undefined;
  /** Not read: the path before its parameters were encoded into `pathname`. */
  readonly pathTemplate?: string | null | undefined;
  /** Not read: the raw path parameters. */
  readonly pathParams?: Readonly<Record<string, string>> | null | undefined;
  /** Not read: the query before it was flattened into `query`. */
  readonly queryInput?: Readonly<Record<string, unknown>> | null | undefined;
  /** Not read (the signer uses `headers["x-acs-security-token"]`). */
  readonly securityToken?: string | null | undefined;
  /** Not read (the signer uses `headers["x-acs-date"]`). */
  readonly date?: string | null | undefined;
  /** Not read (the signer uses `headers["x-acs-signature-nonce"]`). */
  readonly nonce?: string | null | undefined;
}

/** Every stage of an ACS3-HMAC-SHA256 signature, as the signing vectors' `expected` lists them. */
export interface Acs3Result {
  /** Hex SHA-256 of the body (`x-acs-content-sha256`). */
  readonly hashedPayload: string;
  readonly canonicalUri: string;
  readonly canonicalQueryString: string;
  readonly signedHeaders: string;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
  /** The `Authorization` header value. */
  readonly authorization: string;
}

/** Options of {@link signAcs3}. */
export interface Acs3SignOptions {
  /** The API's action name, sent as `x-acs-action` (e.g. `GetModel`). */
  readonly action: string;
  /** The API version, sent as `x-acs-version` (e.g. `2021-02-04`). */
  readonly version: string;
  /** The signing time (`x-acs-date`); default the current time. */
  readonly now?: DateSource | undefined;
  /** The `x-acs-signature-nonce`, or a function making one; default 32 random hex characters. */
  readonly nonce?: string | (() => string) | undefined;
}

/**
 * The input of {@link bceV1Authorization}: the shape of a `bceV1` case's `input` in the signing vectors. The body,
 * host and security token are not read (bce-auth-v1 does not sign the body; put `host` and `x-bce-security-token`
 * in `headers`).
 */
export interface BceV1Input {
  /** The HTTP method, as sent. */
  readonly method: string;
  /** The request path, already percent-encoded; used as the canonical URI as it is. */
  readonly path?: string | null | undefined;
  /** The request path, not encoded; when given, each segment is RFC 3986-encoded (`/` kept) and `path` is ignored. */
  readonly rawPath?: string | null | undefined;
  /** The query, not encoded; a parameter named `authorization` (any case) is not signed. */
  readonly query?: QueryInput | null | undefined;
  /** The request headers, as they will be sent. */
  readonly headers: Readonly<Record<string, string>>;
  readonly accessKeyId: string;
  /** The secret access key (SK); cloud-models' `Credentials` call it `accessKeySecret`. */
  readonly secretAccessKey: string;
  /** The signing time, `YYYY-MM-DDTHH:mm:ssZ` (as sent in `x-bce-date`); or give `timestampEpochSeconds`. */
  readonly timestamp?: string | null | undefined;
  /** The signing time in seconds since the epoch; used when `timestamp` is not given. */
  readonly timestampEpochSeconds?: number | null | undefined;
  /** How long the signature is valid; default 1800. */
  readonly expirationInSeconds?: number | null | undefined;
  /**
   * The headers to sign besides every `x-bce-*` header and `host`. Default (null, absent or empty): `host`,
   * `content-length`, `content-type` and `content-md5`, as `@baiducloud/sdk` does.
   */
  readonly headersToSign?: readonly string[] | null | undefined;
  /** Not read (the signer uses `headers.host`). */
  readonly host?: string | null | undefined;
  /** Not read: bce-auth-v1 does not sign the body. */
  readonly body?: string | null | undefined;
  /** Not read (the signer uses `headers["x-bce-security-token"]`). */
  readonly securityToken?: string | null | undefined;
}

/** Every stage of a bce-auth-v1 signature, as the signing vectors' `expected` lists them. */
export interface BceV1Result {
  /** `bce-auth-v1/{accessKeyId}/{timestamp}/{expirationInSeconds}`. */
  readonly authStringPrefix: string;
  /** Hex HMAC-SHA256 of the prefix under the secret: a key valid only for this timestamp and expiration. */
  readonly signingKey: string;
  readonly canonicalUri: string;
  readonly canonicalQueryString: string;
  readonly canonicalHeaders: string;
  readonly signedHeaders: string;
  readonly canonicalRequest: string;
  readonly signature: string;
  /** The `Authorization` header value. */
  readonly authorization: string;
}

/** Options of {@link signBceV1}. */
export interface BceV1SignOptions {
  /** The signing time (`x-bce-date`); default the current time. */
  readonly now?: DateSource | undefined;
  /** How long the signature is valid; default 1800. */
  readonly expirationInSeconds?: number | undefined;
  /**
   * Headers to sign besides `host` and every `x-bce-*` header (always signed). Default `["content-type"]`, plus
   * `host`: not `content-length`, which a fetch `Request` cannot carry in browsers.
   */
  readonly headersToSign?: readonly string[] | undefined;
}

/** A signed request and the stages that produced its signature. */
export interface SignedRequest<TDetails> {
  readonly request: Request;
  /** The signature's stages; the security token, if any, is replaced by `[redacted]` in them. */
  readonly details: TDetails;
}
