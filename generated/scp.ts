export interface paths {
  '/': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the API versions of the Virtual Server service
     * @description Returns the service's version-discovery document: every API version it knows, with its
     *     lifecycle status and Not Before date. The call is **not signed** (the official provider
     *     sends a plain `GET` to the service's base URL) and carries no version header.
     *
     *     Unlike the `Scp-Api-Version` header, the `id` here has a `v` prefix (`v1.3` is sent as
     *     `virtualserver 1.3`), and `not_before` is already written `YYYY-MM-DD`. A CURRENT version
     *     can carry a `not_before` too. The official provider warns when a pinned version has fewer
     *     than `max_remain_days` (default 90) days left.
     *
     *     The root document is not tied to an API version, so this operation has no
     *     `x-scp-api-versions` table. No error response is documented for it.
     */
    get: operations['listServiceVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/servers/{server_id}/interfaces': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description ID of the virtual server (UUID-like in practice; no format is enforced).
         * @example 2a9be312-5d4b-4bc8-b2ae-35100fa9241f
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    /**
     * List the network interfaces of a server
     * @description Returns every network interface (port) attached to the virtual server, with its fixed IPs,
     *     MAC address, state and any static NAT.
     *
     *     | Version | Status | Not Before |
     *     |---|---|---|
     *     | 1.3 | CURRENT | – |
     *     | 1.2 | SUPPORTED | 2026-08-31 |
     *     | 1.1 | DEPRECATED | 2026-05-31 |
     *     | 1.0 | DEPRECATED | 2025-12-31 |
     *
     *     The table is the one published for createServerInterface and updateServerInterface; the
     *     other interface operations are assumed to share the service-wide lifecycle.
     */
    get: operations['listServerInterfaces'];
    put?: never;
    /**
     * Attach a network interface to a server
     * @description Attaches a network interface to the virtual server, in one of two forms:
     *
     *     - **New port on a subnet:** send `subnet_id`. The IP is assigned automatically, or send
     *       exactly one address in `fixed_ips`.
     *     - **Existing port:** send `port_id` and nothing else.
     *
     *     The forms are mutually exclusive; the schema rejects a body that mixes them. (The
     *     official example sends all three fields together, which contradicts the official
     *     description; going by its code, the official Terraform provider sends the unused key as
     *     JSON `null`. cloud-nic sends only the keys of one form.)
     *
     *     The response describes the attached interface. Upstream IAM action:
     *     `virtualserver:CreateVirtualServerInterface`.
     *
     *     | Version | Status | Not Before |
     *     |---|---|---|
     *     | 1.3 | CURRENT | – |
     *     | 1.2 | SUPPORTED | 2026-08-31 |
     *     | 1.1 | DEPRECATED | 2026-05-31 |
     *     | 1.0 | DEPRECATED | 2025-12-31 |
     *
     *     Deprecated versions are no longer supported once their Not Before date has arrived. The
     *     documented request and response fields are the same in all four versions.
     */
    post: operations['createServerInterface'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/servers/{server_id}/interfaces/{port_id}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description ID of the virtual server (UUID-like in practice; no format is enforced).
         * @example 2a9be312-5d4b-4bc8-b2ae-35100fa9241f
         */
        server_id: components['parameters']['ServerId'];
        /**
         * @description ID of the network port that forms the interface (UUID-like in practice).
         * @example f2b02fc5-a5fd-4b5f-b1a9-987f4c0d66cc
         */
        port_id: components['parameters']['PortId'];
      };
      cookie?: never;
    };
    /**
     * Show one network interface of a server
     * @description Returns the interface whose port is `port_id`.
     *
     *     **Response shape.** A single interface would be the usual answer, but the upstream spec
     *     declares this body as the list wrapper `ServerInterfaceListResponse`
     *     (`{"interfaces": [...]}`), and the official Terraform provider (built on SDK 1.3) decodes
     *     it into a newer revision of that same wrapper type (`...V1Dot2`). No capture of a real
     *     response was available, so this document follows that code evidence: expect an
     *     `interfaces` array holding the requested interface, and pick the element whose `port_id`
     *     matches. Upstream IAM action:
     *     `virtualserver:ShowVirtualServerInterface`.
     *
     *     | Version | Status | Not Before |
     *     |---|---|---|
     *     | 1.3 | CURRENT | – |
     *     | 1.2 | SUPPORTED | 2026-08-31 |
     *     | 1.1 | DEPRECATED | 2026-05-31 |
     *     | 1.0 | DEPRECATED | 2025-12-31 |
     *
     *     The table is the one published for createServerInterface and updateServerInterface; the
     *     other interface operations are assumed to share the service-wide lifecycle.
     */
    get: operations['showServerInterface'];
    /**
     * Change the fixed IP or subnet of a network interface
     * @description Changes an attached interface: `fixed_ip_address` sets the port's fixed IP and `subnet_id`
     *     names the subnet. Upstream documents only the field names (both optional), not how they
     *     combine; send the fields you mean to change. The service answers `202 Accepted` with no
     *     body and applies the change afterwards: poll `showServerInterface` until `fixed_ips`
     *     shows the new address (cloud-nic's reading of the 202, not documented upstream).
     *     Upstream IAM action: `virtualserver:SetVirtualServerInterface`.
     *
     *     | Version | Status | Not Before |
     *     |---|---|---|
     *     | 1.3 | CURRENT | – |
     *     | 1.2 | SUPPORTED | 2026-08-31 |
     *     | 1.1 | DEPRECATED | 2026-05-31 |
     *     | 1.0 | DEPRECATED | 2025-12-31 |
     *
     *     Deprecated versions are no longer supported once their Not Before date has arrived.
     */
    put: operations['updateServerInterface'];
    post?: never;
    /**
     * Detach a network interface from a server
     * @description Detaches the interface whose port is `port_id` from the server. The answer is `200` with
     *     no body. Whether the port is already gone when the answer arrives is not documented, so
     *     the `x-async` hint says to poll `listServerInterfaces` until the port is no longer listed.
     *     A `409` signals a state conflict (its causes are not documented). Upstream IAM action:
     *     `virtualserver:DeleteVirtualServerInterface`.
     *
     *     | Version | Status | Not Before |
     *     |---|---|---|
     *     | 1.3 | CURRENT | – |
     *     | 1.2 | SUPPORTED | 2026-08-31 |
     *     | 1.1 | DEPRECATED | 2026-05-31 |
     *     | 1.0 | DEPRECATED | 2025-12-31 |
     *
     *     The table is the one published for createServerInterface and updateServerInterface; the
     *     other interface operations are assumed to share the service-wide lifecycle.
     */
    delete: operations['deleteServerInterface'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description Body of `createServerInterface`: exactly one of the two forms. A body with both `subnet_id` and `port_id`, or with `fixed_ips` next to `port_id`, is invalid. */
    ServerInterfaceCreateRequest:
      | components['schemas']['ServerInterfaceCreateBySubnet']
      | components['schemas']['ServerInterfaceCreateByPort'];
    /**
     * New port on a subnet
     * @description Creates a new port on the subnet and attaches it; the IP is automatic unless one is given.
     */
    ServerInterfaceCreateBySubnet: {
      /**
       * @description Subnet to create the new port on (32 hex digits in practice).
       * @example 78b2ee3f074145c580ab6abac4821f97
       */
      subnet_id: string;
      /** @description At most one IPv4 address for the new port; omit it to get an address automatically. */
      fixed_ips?: [] | [components['schemas']['InterfaceAttachmentFixedIp']];
      port_id?: never;
    };
    /**
     * Existing port
     * @description Attaches a port that already exists; no subnet and no fixed IP may be given.
     */
    ServerInterfaceCreateByPort: {
      /**
       * @description Existing port to attach (UUID-like in practice).
       * @example 91424c08-0b26-49fb-9808-ed042292ceef
       */
      port_id: string;
      subnet_id?: never;
      fixed_ips?: never;
    };
    /** @description An IPv4 address requested for a new port. */
    InterfaceAttachmentFixedIp: {
      /**
       * Format: ipv4
       * @description IPv4 address in dotted-quad notation, as a JSON string (a number is invalid).
       * @example 192.169.3.2
       */
      ip_address: string;
    };
    /** @description Body of `updateServerInterface`. Both fields are optional upstream; how they combine is not documented. */
    ServerInterfaceUpdateRequest: {
      /**
       * Format: ipv4
       * @description New fixed IPv4 address of the port.
       * @example 192.169.3.10
       */
      fixed_ip_address?: string;
      /**
       * @description Subnet of the port's fixed IP (32 hex digits in practice).
       * @example 183c6c30df0c4fcbb16422aa2d64aa21
       */
      subnet_id?: string;
    };
    /** @description A list of interfaces. Returned by `listServerInterfaces` and, per the upstream spec, by `showServerInterface` (holding the requested interface). */
    ServerInterfaceListResponse: {
      /** @description The interfaces, in the order the service returns them. */
      interfaces: components['schemas']['InterfaceResponse'][];
    };
    /** @description One network interface (port) attached to a virtual server. */
    InterfaceResponse: {
      /** @description Fixed IP addresses of the port. */
      fixed_ips: components['schemas']['InterfaceFixedIp'][];
      /**
       * @description MAC address of the port, six colon-separated hex pairs (e.g. `fa:16:3e:c0:71:2b`).
       * @example fa:16:3e:c0:71:2b
       */
      mac_addr: string;
      /**
       * @description ID of the port; use it as `port_id` in the other calls.
       * @example f2b02fc5-a5fd-4b5f-b1a9-987f4c0d66cc
       */
      port_id: string;
      /**
       * @description State of the port, e.g. `ACTIVE`. The full set of values is not documented, so it is not restricted here.
       * @example ACTIVE
       */
      port_state: string;
      /**
       * @description Subnet the port belongs to.
       * @example 183c6c30df0c4fcbb16422aa2d64aa21
       */
      subnet_id: string;
      /** @description Public static NAT bound to the port. Optional upstream; absent or `null` when the port has none (null is accepted because the service's optional fields may be serialised as null; cloud-nic's reading). */
      static_nat?: components['schemas']['PublicStaticNat'] | null;
      /** @description Private static NAT bound to the port. Optional upstream; absent or `null` when the port has none. */
      private_static_nat?: components['schemas']['PrivateStaticNat'] | null;
    };
    /** @description A fixed IP address of an attached port. */
    InterfaceFixedIp: {
      ip_address: components['schemas']['IpAddress'];
    };
    /**
     * @description An IPv4 or IPv6 address as a string (the two formats are disjoint, so exactly one branch matches).
     * @example 192.169.3.2
     */
    IpAddress: string;
    /** @description A public static NAT that maps a public IP to the port. */
    PublicStaticNat: {
      external_ip_address: components['schemas']['IpAddress'];
      /**
       * @description ID of the static NAT.
       * @example 224b80106e6f41b38efe98ac9ddbf280
       */
      id: string;
      /**
       * @description State of the NAT, e.g. `ACTIVE` (values not documented).
       * @example ACTIVE
       */
      state: string;
      /**
       * @description ID of the public IP resource used by the NAT, or null.
       * @example 615fa9cd5cff486c9de679b3ce63e601
       */
      publicip_id?: string | null;
    };
    /** @description A private static NAT that maps an address of a private NAT range to the port. */
    PrivateStaticNat: {
      external_ip_address: components['schemas']['IpAddress'];
      /**
       * @description ID of the private static NAT.
       * @example 224b80106e6f41b38efe98ac9ddbf280
       */
      id: string;
      /**
       * @description State of the NAT, e.g. `ACTIVE` (values not documented).
       * @example ACTIVE
       */
      state: string;
      /**
       * @description ID of the private NAT IP resource used by the NAT, or null.
       * @example 1f0cb5390c40483592ddc5a282f53496
       */
      private_nat_ip_id?: string | null;
    };
    /** @description The service's version-discovery document. */
    ServiceVersionList: {
      /** @description Every API version the service knows. */
      versions: components['schemas']['ServiceVersion'][];
    };
    /** @description One API version of the service. */
    ServiceVersion: {
      /**
       * @description Version with a `v` prefix; drop the `v` for the `Scp-Api-Version` header.
       * @example v1.3
       */
      id: string;
      /** @description Links about the version (`rel` is `self`). */
      links?: components['schemas']['ServiceVersionLink'][];
      /**
       * Format: date
       * @description Not Before date (`YYYY-MM-DD`): guaranteed support until this date; a deprecated version is unsupported from it on. Null or absent when none is set.
       * @example 2026-08-31
       */
      not_before?: string | null;
      /**
       * @description Lifecycle status of the version.
       * @example CURRENT
       * @enum {string}
       */
      status: 'CURRENT' | 'SUPPORTED' | 'DEPRECATED' | 'PLANNED';
    };
    /** @description A link of a version entry. */
    ServiceVersionLink: {
      /**
       * @description Link target (its form is not documented).
       * @example https://virtualserver.kr-west1.e.samsungsdscloud.com/
       */
      href?: string;
      /**
       * @description Link relation, `self` in every example seen.
       * @example self
       */
      rel: string;
    };
    /** @description The 400 body declared upstream, a JSON array of validation errors. */
    ValidationErrorList: components['schemas']['ValidationErrorModel'][];
    /** @description One validation error. Every field is optional and nullable upstream. */
    ValidationErrorModel: {
      /** @description Where the error is, from the outermost part (e.g. `body`) inward. Declared as strings upstream; integer list indices are accepted as well (cloud-nic's caution). */
      loc?: (string | number)[] | null;
      /** @description Human-readable message. */
      msg?: string | null;
      /** @description Machine-readable error type (note the trailing underscore). */
      type_?: string | null;
      /** @description Extra context about the error, if any. */
      ctx?: {
        [key: string]: unknown;
      } | null;
    };
    /** @description Error body of a status whose shape SCP does not document (401, 403, 404, 409 and others). The fields are guesses at common names; any other field may appear, and a client must not rely on any of them being present. */
    ScpError: {
      /** @description Human-readable message, if present. */
      message?: string;
      /** @description Provider error code, if present. */
      code?: string | number;
      /** @description Further detail of any JSON type, if present. */
      detail?: unknown;
    } & {
      [key: string]: unknown;
    };
  };
  responses: {
    /** @description The request was rejected as invalid. Upstream declares the body as a JSON array of validation errors (for createServerInterface the 1.0 spec declares no body at all). */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ValidationErrorList'];
      };
    };
    /** @description Authentication failed (for example a wrong signature, an unknown access key or a stale timestamp). The body shape is not documented upstream. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ScpError'];
      };
    };
    /** @description The credentials are valid but lack the IAM permission for the action. The body shape is not documented upstream. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ScpError'];
      };
    };
    /** @description The server or the port does not exist, or is not visible to the caller. The body shape is not documented upstream. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ScpError'];
      };
    };
    /** @description The request conflicts with the current state of the server or port. The causes and the body shape are not documented upstream. */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ScpError'];
      };
    };
    /** @description Any client error of the version document. None is documented upstream; the body shape is unknown. */
    ClientError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ScpError'];
      };
    };
  };
  parameters: {
    /**
     * @description ID of the virtual server (UUID-like in practice; no format is enforced).
     * @example 2a9be312-5d4b-4bc8-b2ae-35100fa9241f
     */
    ServerId: string;
    /**
     * @description ID of the network port that forms the interface (UUID-like in practice).
     * @example f2b02fc5-a5fd-4b5f-b1a9-987f4c0d66cc
     */
    PortId: string;
    /**
     * @description API version to call: `virtualserver <major>.<minor>` (one space, no `v`). Without it the service uses its latest CURRENT version; cloud-nic always sends it, choosing from the operation's `x-scp-api-versions`. Not signed.
     * @example virtualserver 1.3
     */
    ScpApiVersion: string;
    /**
     * @description Language of human-readable messages. The official SDK always sends `en-US`. Not signed.
     * @example en-US
     */
    AcceptLanguage: 'en-US' | 'ko-KR';
    /**
     * @description Account ID. The official SDK always sends this header and the official provider leaves it empty. Whatever is sent (empty when absent) is part of the string to sign, between the access key and `Openapi`.
     * @example a8f10467abfc4b87b64614ab36eb9ae4
     */
    ScpAccountId: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listServiceVersions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The versions the service offers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceVersionList'];
        };
      };
      '4XX': components['responses']['ClientError'];
    };
  };
  listServerInterfaces: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description API version to call: `virtualserver <major>.<minor>` (one space, no `v`). Without it the service uses its latest CURRENT version; cloud-nic always sends it, choosing from the operation's `x-scp-api-versions`. Not signed.
         * @example virtualserver 1.3
         */
        'Scp-Api-Version'?: components['parameters']['ScpApiVersion'];
        /**
         * @description Language of human-readable messages. The official SDK always sends `en-US`. Not signed.
         * @example en-US
         */
        'Accept-Language'?: components['parameters']['AcceptLanguage'];
        /**
         * @description Account ID. The official SDK always sends this header and the official provider leaves it empty. Whatever is sent (empty when absent) is part of the string to sign, between the access key and `Openapi`.
         * @example a8f10467abfc4b87b64614ab36eb9ae4
         */
        'Scp-AccountId'?: components['parameters']['ScpAccountId'];
      };
      path: {
        /**
         * @description ID of the virtual server (UUID-like in practice; no format is enforced).
         * @example 2a9be312-5d4b-4bc8-b2ae-35100fa9241f
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The server's interfaces. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServerInterfaceListResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  createServerInterface: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description API version to call: `virtualserver <major>.<minor>` (one space, no `v`). Without it the service uses its latest CURRENT version; cloud-nic always sends it, choosing from the operation's `x-scp-api-versions`. Not signed.
         * @example virtualserver 1.3
         */
        'Scp-Api-Version'?: components['parameters']['ScpApiVersion'];
        /**
         * @description Language of human-readable messages. The official SDK always sends `en-US`. Not signed.
         * @example en-US
         */
        'Accept-Language'?: components['parameters']['AcceptLanguage'];
        /**
         * @description Account ID. The official SDK always sends this header and the official provider leaves it empty. Whatever is sent (empty when absent) is part of the string to sign, between the access key and `Openapi`.
         * @example a8f10467abfc4b87b64614ab36eb9ae4
         */
        'Scp-AccountId'?: components['parameters']['ScpAccountId'];
      };
      path: {
        /**
         * @description ID of the virtual server (UUID-like in practice; no format is enforced).
         * @example 2a9be312-5d4b-4bc8-b2ae-35100fa9241f
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    /** @description One of the two forms, never both. */
    requestBody: {
      content: {
        'application/json': components['schemas']['ServerInterfaceCreateRequest'];
      };
    };
    responses: {
      /** @description The interface is attached. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterfaceResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  showServerInterface: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description API version to call: `virtualserver <major>.<minor>` (one space, no `v`). Without it the service uses its latest CURRENT version; cloud-nic always sends it, choosing from the operation's `x-scp-api-versions`. Not signed.
         * @example virtualserver 1.3
         */
        'Scp-Api-Version'?: components['parameters']['ScpApiVersion'];
        /**
         * @description Language of human-readable messages. The official SDK always sends `en-US`. Not signed.
         * @example en-US
         */
        'Accept-Language'?: components['parameters']['AcceptLanguage'];
        /**
         * @description Account ID. The official SDK always sends this header and the official provider leaves it empty. Whatever is sent (empty when absent) is part of the string to sign, between the access key and `Openapi`.
         * @example a8f10467abfc4b87b64614ab36eb9ae4
         */
        'Scp-AccountId'?: components['parameters']['ScpAccountId'];
      };
      path: {
        /**
         * @description ID of the virtual server (UUID-like in practice; no format is enforced).
         * @example 2a9be312-5d4b-4bc8-b2ae-35100fa9241f
         */
        server_id: components['parameters']['ServerId'];
        /**
         * @description ID of the network port that forms the interface (UUID-like in practice).
         * @example f2b02fc5-a5fd-4b5f-b1a9-987f4c0d66cc
         */
        port_id: components['parameters']['PortId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The interface, wrapped in an `interfaces` list. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServerInterfaceListResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateServerInterface: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description API version to call: `virtualserver <major>.<minor>` (one space, no `v`). Without it the service uses its latest CURRENT version; cloud-nic always sends it, choosing from the operation's `x-scp-api-versions`. Not signed.
         * @example virtualserver 1.3
         */
        'Scp-Api-Version'?: components['parameters']['ScpApiVersion'];
        /**
         * @description Language of human-readable messages. The official SDK always sends `en-US`. Not signed.
         * @example en-US
         */
        'Accept-Language'?: components['parameters']['AcceptLanguage'];
        /**
         * @description Account ID. The official SDK always sends this header and the official provider leaves it empty. Whatever is sent (empty when absent) is part of the string to sign, between the access key and `Openapi`.
         * @example a8f10467abfc4b87b64614ab36eb9ae4
         */
        'Scp-AccountId'?: components['parameters']['ScpAccountId'];
      };
      path: {
        /**
         * @description ID of the virtual server (UUID-like in practice; no format is enforced).
         * @example 2a9be312-5d4b-4bc8-b2ae-35100fa9241f
         */
        server_id: components['parameters']['ServerId'];
        /**
         * @description ID of the network port that forms the interface (UUID-like in practice).
         * @example f2b02fc5-a5fd-4b5f-b1a9-987f4c0d66cc
         */
        port_id: components['parameters']['PortId'];
      };
      cookie?: never;
    };
    /** @description The fields to change. */
    requestBody: {
      content: {
        'application/json': components['schemas']['ServerInterfaceUpdateRequest'];
      };
    };
    responses: {
      /** @description Accepted; the change is applied asynchronously. No body. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  deleteServerInterface: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description API version to call: `virtualserver <major>.<minor>` (one space, no `v`). Without it the service uses its latest CURRENT version; cloud-nic always sends it, choosing from the operation's `x-scp-api-versions`. Not signed.
         * @example virtualserver 1.3
         */
        'Scp-Api-Version'?: components['parameters']['ScpApiVersion'];
        /**
         * @description Language of human-readable messages. The official SDK always sends `en-US`. Not signed.
         * @example en-US
         */
        'Accept-Language'?: components['parameters']['AcceptLanguage'];
        /**
         * @description Account ID. The official SDK always sends this header and the official provider leaves it empty. Whatever is sent (empty when absent) is part of the string to sign, between the access key and `Openapi`.
         * @example a8f10467abfc4b87b64614ab36eb9ae4
         */
        'Scp-AccountId'?: components['parameters']['ScpAccountId'];
      };
      path: {
        /**
         * @description ID of the virtual server (UUID-like in practice; no format is enforced).
         * @example 2a9be312-5d4b-4bc8-b2ae-35100fa9241f
         */
        server_id: components['parameters']['ServerId'];
        /**
         * @description ID of the network port that forms the interface (UUID-like in practice).
         * @example f2b02fc5-a5fd-4b5f-b1a9-987f4c0d66cc
         */
        port_id: components['parameters']['PortId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Detach accepted. No body. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
}
