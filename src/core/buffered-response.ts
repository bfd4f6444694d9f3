/**
 * The response the resilient fetch hands back: the original's status and headers over the body
 * bytes it has already read in full (it reads them to tell a complete answer from a cut-off one).
 *
 * A plain `new Response(bytes)` would copy the bytes into a new stream that the caller then reads
 * back out, and `json()` would parse a body the fetch had just parsed to check it. Here the body
 * methods answer from the bytes, the first `json()` gets the value already parsed, and a stream is
 * only built if someone reads `body`. Reading twice fails as with any Response.
 */

const utf8 = new TextDecoder('utf-8');

const used = () => new TypeError('Body is unusable: Body has already been read');

/**
 * `new BufferedResponse(original, bytes, parsed?)`. The class is made on first use, like
 * `TextBodyRequest`: on Node, touching `Response` at import would load the fetch implementation.
 */
export const BufferedResponse = function BufferedResponse(
  original: Response,
  bytes: Uint8Array<ArrayBuffer> | null,
  parsed?: { value: unknown },
): Response {
  bufferedResponseClass ??= makeBufferedResponseClass();
  return new bufferedResponseClass(original, bytes, parsed);
} as unknown as new (
  original: Response,
  bytes: Uint8Array<ArrayBuffer> | null,
  parsed?: { value: unknown },
) => Response;

type BufferedResponseClass = new (
  original: Response,
  bytes: Uint8Array<ArrayBuffer> | null,
  parsed?: { value: unknown },
) => Response;

let bufferedResponseClass: BufferedResponseClass | undefined;

function makeBufferedResponseClass(): BufferedResponseClass {
  return class BufferedResponse extends Response {
    readonly #bytes: Uint8Array<ArrayBuffer> | null;
    #parsed: { value: unknown } | undefined;
    #read = false;
    readonly #url: string;
    readonly #redirected: boolean;
    /** A real Response over the bytes, made when `body` (the stream) is asked for. */
    #streamed: Response | undefined;

    /**
     * @param bytes the complete body, or `null` for a response without one (HEAD, 204, 304).
     * @param parsed the body already parsed as JSON, handed to the first `json()`.
     */
    constructor(
      original: Response,
      bytes: Uint8Array<ArrayBuffer> | null,
      parsed?: { value: unknown },
    ) {
      super(null, {
        status: original.status,
        statusText: original.statusText,
        headers: original.headers,
      });
      this.#bytes = bytes;
      this.#parsed = parsed;
      const headers = this.headers;
      // The bytes are decoded and complete.
      headers.delete('content-encoding');
      headers.delete('transfer-encoding');
      if (bytes !== null) headers.set('content-length', String(bytes.byteLength));
      this.#url = original.url;
      this.#redirected = original.redirected;
    }

    override get url(): string {
      return this.#url;
    }

    override get redirected(): boolean {
      return this.#redirected;
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      if (this.#bytes === null) return null;
      if (!this.#streamed) {
        this.#streamed = new Response(this.#read ? null : this.#bytes.slice());
        if (this.#read) return null;
      }
      return this.#streamed.body;
    }

    override get bodyUsed(): boolean {
      return this.#streamed ? this.#streamed.bodyUsed : this.#read;
    }

    /** The bytes, once: later reads fail like a consumed body. */
    #take(): Uint8Array<ArrayBuffer> {
      if (this.bodyUsed) throw used();
      this.#read = true;
      return this.#bytes ?? new Uint8Array(0);
    }

    override async text(): Promise<string> {
      if (this.#streamed) return this.#streamed.text();
      return utf8.decode(this.#take());
    }

    override async json(): Promise<any> {
      if (this.#streamed) return this.#streamed.json();
      const bytes = this.#take();
      const parsed = this.#parsed;
      this.#parsed = undefined;
      return parsed ? parsed.value : JSON.parse(utf8.decode(bytes));
    }

    override async arrayBuffer(): Promise<ArrayBuffer> {
      if (this.#streamed) return this.#streamed.arrayBuffer();
      return this.#take().slice().buffer;
    }

    override async blob(): Promise<Blob> {
      if (this.#streamed) return this.#streamed.blob();
      return new Blob([this.#take()], {
        type: this.headers.get('content-type') ?? '',
      });
    }

    override async formData(): Promise<FormData> {
      if (this.#streamed) return this.#streamed.formData();
      return new Response(this.#take(), { headers: this.headers }).formData();
    }

    override clone(): Response {
      if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
      return new BufferedResponse(this, this.#bytes);
    }
  };
}
