export interface paths {
  '/servers/{server_id}/os-virtual-interfacesv2': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description Id (UUID) of the Cloud Server.
         * @example 7b2c4d1e-9f3a-4c6b-8e5d-0a1b2c3d4e5f
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    /**
     * List the virtual interfaces of a server
     * @description Returns every virtual interface of the server, with its MAC address and the IPv4 and IPv6 addresses it holds on its network. A typical server has one VIF on PublicNet, one on ServiceNet and one per attached isolated network. The list is a single page (no paging parameters). Rate limit: 25 calls per minute per account by default.
     */
    get: operations['listVirtualInterfaces'];
    put?: never;
    /**
     * Create a virtual interface and attach it to a server
     * @description Creates a virtual interface on the given network and plugs it into the server. The body names the network and nothing else: the API chooses the MAC and IP addresses (a fixed IP cannot be requested). A server can hold at most one virtual interface per network; asking for a second one on the same network is refused with `409`. The response wraps the new interface in a one-element `virtual_interfaces` array. The documentation gives `200`; `201` and `202` are accepted as success too. Rate limit: 4 calls per minute per account by default.
     */
    post: operations['createVirtualInterface'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/servers/{server_id}/os-virtual-interfacesv2/{interface_id}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description Id (UUID) of the Cloud Server.
         * @example 7b2c4d1e-9f3a-4c6b-8e5d-0a1b2c3d4e5f
         */
        server_id: components['parameters']['ServerId'];
        /**
         * @description Id (UUID) of the virtual interface, the `id` returned by `listVirtualInterfaces` or `createVirtualInterface` (not the network id).
         * @example 045f195f-3347-487b-8e80-8ee3390eda56
         */
        interface_id: components['parameters']['InterfaceId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Detach and delete a virtual interface
     * @description Deletes the virtual interface, which detaches its network from the server and releases its IP addresses. There is no request body and the response body is empty. The API reference shows `200`, the getting-started guide `204`; `202` is accepted as well. Confirm with `listVirtualInterfaces` that the interface is gone. An isolated network can be deleted only once none of its virtual interfaces remain.
     */
    delete: operations['deleteVirtualInterface'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Authenticate and get a token with the service catalog
     * @description Exchanges a user name and an API key (or a password) for an authentication token, returned in the body as `access.token.id` together with its expiry, the user's roles and the service catalog that lists the Cloud Servers endpoint of every region. Optionally scope the token to one tenant with `tenantId` or `tenantName` (never both; sending both is a `400`). The call needs no token. Accounts with multi-factor authentication get `401` or `403` and need a second, passcode-based call that this document does not describe.
     */
    post: operations['createToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description Body of `createVirtualInterface`. */
    CreateVirtualInterfaceRequest: {
      /** @description The interface to create. */
      virtual_interface: components['schemas']['NewVirtualInterface'];
    };
    /** @description The interface to create. `network_id` is the only field: Rackspace chooses the MAC and IP addresses, and a fixed IP address cannot be requested. */
    NewVirtualInterface: {
      /**
       * Format: uuid
       * @description Id (UUID) of the network to attach: `00000000-0000-0000-0000-000000000000` for PublicNet, `11111111-1111-1111-1111-111111111111` for ServiceNet, or the id of an isolated Cloud Network. A server may have at most one interface per network.
       */
      network_id: string;
    };
    /** @description Body of `listVirtualInterfaces`. */
    VirtualInterfaceList: {
      /** @description Every virtual interface of the server (one page, no paging). */
      virtual_interfaces: components['schemas']['VirtualInterface'][];
    };
    /** @description Body of `createVirtualInterface`: the same array wrapper as the list call, holding exactly the one interface just created. */
    CreateVirtualInterfaceResponse: {
      /** @description The created interface, as the only element. */
      virtual_interfaces: [components['schemas']['VirtualInterface']];
    };
    /** @description A virtual interface (VIF) connecting the server to one network. */
    VirtualInterface: {
      /**
       * Format: uuid
       * @description Id (UUID) of the virtual interface; pass it as `interface_id` to delete it.
       */
      id: string;
      /** @description MAC address of the interface: six upper-case hexadecimal pairs separated by colons, as in every Rackspace sample. Compare MAC addresses case-insensitively. */
      mac_address: string;
      /** @description The IPv4 and IPv6 addresses the interface holds on its network. */
      ip_addresses: components['schemas']['InterfaceIpAddress'][];
    };
    /** @description One IP address of a virtual interface. */
    InterfaceIpAddress: {
      /** @description The IPv4 or IPv6 address. */
      address: string;
      /**
       * Format: uuid
       * @description Id (UUID) of the network: `00000000-0000-0000-0000-000000000000` is PublicNet, `11111111-1111-1111-1111-111111111111` is ServiceNet, anything else an isolated network.
       */
      network_id: string;
      /** @description Label of the network: `public` for PublicNet, `private` for ServiceNet, the network's own name for an isolated network. */
      network_label: string;
    };
    /** @description A Nova v2 style fault, as Cloud Servers and Identity send it: an object with exactly one property, named after the fault, holding the details. Names documented by Rackspace per status: `badRequest` (400), `unauthorized` (401), `forbidden` and `resizeNotAllowed` (403), `itemNotFound` (404), `buildInProgress` and `backupOrResizeInProgress` (409), `overLimit` (413), `badMediaType` (415), `computeFault` (500 and others), `notImplemented` (501), `serviceUnavailable` and `serverCapacityUnavailable` (503). For 405 and for other 409s Rackspace documents no name; upstream Nova uses `badMethod` and `conflictingRequest`. Identity uses the same shape (for example `identityFault` on 500). Clients should read the single property whatever its name. */
    Fault: {
      [key: string]: components['schemas']['FaultDetail'];
    };
    /** @description The details of a fault. */
    FaultDetail: {
      /** @description The HTTP status code, repeated. */
      code: number;
      /** @description Human-readable explanation. */
      message: string;
      /** @description Further detail, when the service gives any. */
      details?: string;
      /**
       * Format: date-time
       * @description On `overLimit`: when the request may be retried. Prefer the `Retry-After` header when both are present.
       */
      retryAt?: string;
    };
    /** @description A plain-text or HTML error body written by the Repose proxy (or a load balancer) instead of a JSON fault. Its wording is not stable: rely on the status code. */
    ProxyTextError: string;
    /** @description Body of `createToken`. */
    CreateTokenRequest: {
      /** @description The credentials and optional tenant. */
      auth: components['schemas']['TokenAuth'];
    };
    /** @description Exactly one kind of credentials (API key or password) and at most one of `tenantId` and `tenantName`. The tenant fields sit next to the credentials object, inside `auth`, as in the JSON samples and the reference clients (the documentation's parameter table misplaces them inside the credentials). */
    TokenAuth:
      | components['schemas']['ApiKeyAuth']
      | components['schemas']['ApiKeyAuthByTenantName']
      | components['schemas']['PasswordAuth']
      | components['schemas']['PasswordAuthByTenantName'];
    /** @description API-key credentials, optionally scoped by tenant id. */
    ApiKeyAuth: {
      /** @description User name and API key. */
      'RAX-KSKEY:apiKeyCredentials': components['schemas']['ApiKeyCredentials'];
      passwordCredentials?: never;
      /** @description Optional tenant id to scope the token to. */
      tenantId?: components['schemas']['TenantId'];
      tenantName?: never;
    };
    /** @description API-key credentials scoped by tenant name. */
    ApiKeyAuthByTenantName: {
      /** @description User name and API key. */
      'RAX-KSKEY:apiKeyCredentials': components['schemas']['ApiKeyCredentials'];
      passwordCredentials?: never;
      tenantId?: never;
      /** @description Tenant name to scope the token to. */
      tenantName: components['schemas']['TenantName'];
    };
    /** @description Password credentials, optionally scoped by tenant id. */
    PasswordAuth: {
      /** @description User name and password. */
      passwordCredentials: components['schemas']['PasswordCredentials'];
      'RAX-KSKEY:apiKeyCredentials'?: never;
      /** @description Optional tenant id to scope the token to. */
      tenantId?: components['schemas']['TenantId'];
      tenantName?: never;
    };
    /** @description Password credentials scoped by tenant name. */
    PasswordAuthByTenantName: {
      /** @description User name and password. */
      passwordCredentials: components['schemas']['PasswordCredentials'];
      'RAX-KSKEY:apiKeyCredentials'?: never;
      tenantId?: never;
      /** @description Tenant name to scope the token to. */
      tenantName: components['schemas']['TenantName'];
    };
    /** @description Rackspace API-key credentials (`RAX-KSKEY` extension). */
    ApiKeyCredentials: {
      /** @description User name of the Rackspace cloud account user. */
      username: string;
      /** @description The user's API key (Cloud Control Panel, account settings). Required, although the documentation's table marks it optional. */
      apiKey: string;
    };
    /** @description Standard Identity v2.0 password credentials. */
    PasswordCredentials: {
      /** @description User name of the Rackspace cloud account user. */
      username: string;
      /** @description The user's password. */
      password: string;
    };
    /** @description Tenant id, usually the account number such as `123456` (documented as UUID, but it is not one). */
    TenantId: string;
    /** @description Tenant name; for a cloud account it usually equals the account number. */
    TenantName: string;
    /** @description Body of `createToken`. */
    CreateTokenResponse: {
      /** @description The token, the service catalog and the user. */
      access: components['schemas']['Access'];
    };
    /** @description What the authenticated user may access. */
    Access: {
      /** @description The token to send as `X-Auth-Token`. */
      token: components['schemas']['Token'];
      /** @description Services and their endpoints. Select Cloud Servers by name `cloudServersOpenStack` and region, not by type `compute` alone. */
      serviceCatalog: components['schemas']['CatalogService'][];
      /** @description The authenticated user. */
      user: components['schemas']['IdentityUser'];
    };
    /** @description An authentication token. */
    Token: {
      /** @description The token; send it as `X-Auth-Token`. It is a secret, never log it. */
      id: string;
      /**
       * Format: date-time
       * @description When the token expires (24 hours after issue by default).
       */
      expires: string;
      /** @description The tenant the token is scoped to. */
      tenant?: components['schemas']['TokenTenant'];
      /** @description How the user authenticated, for example `APIKEY` or `PASSWORD`. */
      'RAX-AUTH:authenticatedBy'?: string[];
    };
    /** @description The tenant a token is scoped to. */
    TokenTenant: {
      /** @description Tenant id (the account number); the `{tenant_id}` of the Cloud Servers URL. */
      id: string;
      /** @description Tenant name. */
      name?: string;
    };
    /** @description One service of the service catalog. */
    CatalogService: {
      /** @description Service name; `cloudServersOpenStack` is Cloud Servers v2, `cloudServers` the legacy v1.0 service. */
      name: string;
      /** @description Service type, for example `compute`, `network` or `object-store`. */
      type: string;
      /** @description One endpoint per region (global services have one without a region). */
      endpoints: components['schemas']['CatalogEndpoint'][];
    };
    /** @description One endpoint of a service. */
    CatalogEndpoint: {
      /** @description Region in upper case (`DFW`, `ORD`, `IAD`, `LON`, `SYD`, `HKG`); absent for global services. */
      region?: string;
      /** @description Tenant the endpoint belongs to. */
      tenantId?: string;
      /**
       * Format: uri
       * @description Public URL; for Cloud Servers it already ends in `/v2/{tenant_id}`.
       */
      publicURL: string;
      /**
       * Format: uri
       * @description ServiceNet URL, where the service offers one.
       */
      internalURL?: string;
      /** @description API version of the endpoint (`2` for Cloud Servers v2). */
      versionId?: string;
      /**
       * Format: uri
       * @description URL of the version document.
       */
      versionInfo?: string;
      /**
       * Format: uri
       * @description URL of the version list.
       */
      versionList?: string;
    };
    /** @description The authenticated user. */
    IdentityUser: {
      /** @description User id. */
      id: string;
      /** @description User name. */
      name: string;
      /** @description Roles of the user, global or per tenant. */
      roles?: components['schemas']['IdentityRole'][];
      /** @description The user's default region, in upper case (for example `DFW`). */
      'RAX-AUTH:defaultRegion'?: string;
      /** @description Domain (account) the user belongs to. */
      'RAX-AUTH:domainId'?: string;
    };
    /** @description A role held by the user. */
    IdentityRole: {
      /** @description Role id. */
      id: string;
      /** @description Role name, for example `compute:default`. */
      name: string;
      /** @description What the role allows. */
      description?: string;
      /** @description Tenant the role applies to; absent for global roles. */
      tenantId?: string;
    };
  };
  responses: {
    /** @description The request was malformed, for example a body that is not valid JSON or that lacks `virtual_interface.network_id`. */
    BadRequestError: {
      headers: {
        'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
      };
    };
    /** @description The token is missing, expired or revoked: authenticate again. Repose may answer with a plain-text or HTML body instead of JSON. */
    UnauthorizedError: {
      headers: {
        'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
        'text/plain': components['schemas']['ProxyTextError'];
        'text/html': components['schemas']['ProxyTextError'];
      };
    };
    /** @description The token is valid but may not do this (for example a role without Cloud Servers write access). Repose may answer with a plain-text or HTML body instead of JSON, as reported with fog (vagrant-rackspace issue 150). */
    ForbiddenError: {
      headers: {
        'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
        'text/plain': components['schemas']['ProxyTextError'];
        'text/html': components['schemas']['ProxyTextError'];
      };
    };
    /** @description The server or the virtual interface does not exist (or is not visible to this account). Not listed for these operations by the documentation, but the general fault table defines `itemNotFound` and client libraries (fog) document it for these calls. */
    NotFoundError: {
      headers: {
        'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
      };
    };
    /** @description The HTTP method is not supported on this path. */
    MethodNotAllowedError: {
      headers: {
        'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
      };
    };
    /** @description The request conflicts with the server's state: it already has a virtual interface on this network (one per network), or the server is being built, resized or backed up. */
    ConflictError: {
      headers: {
        'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
      };
    };
    /** @description Rate limit exceeded (defaults: 4 POST and 25 GET per minute on this path). Wait for `Retry-After` before retrying. The proxy may answer with a plain-text or HTML body instead of JSON. */
    OverLimitError: {
      headers: {
        'Retry-After': components['headers']['RetryAfter'];
        'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
        'text/plain': components['schemas']['ProxyTextError'];
        'text/html': components['schemas']['ProxyTextError'];
      };
    };
    /** @description Cloud Servers failed while handling the request (`computeFault`). */
    ComputeFaultError: {
      headers: {
        'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
      };
    };
    /** @description Cloud Servers is temporarily unavailable or out of capacity; retry later with backoff. */
    ServiceUnavailableError: {
      headers: {
        'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
      };
    };
    /** @description Missing required parameters or an unparsable body; also sent when both `tenantId` and `tenantName` are given. */
    IdentityBadRequestError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
      };
    };
    /** @description Wrong credentials, or the account uses multi-factor authentication and a second, passcode-based request is required. */
    IdentityUnauthorizedError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
      };
    };
    /** @description The user is disabled, or the account requires multi-factor authentication that has not been set up. */
    IdentityForbiddenError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
      };
    };
    /** @description Identity failed while handling the request. */
    IdentityFaultError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Fault'];
      };
    };
  };
  parameters: {
    /**
     * @description Id (UUID) of the Cloud Server.
     * @example 7b2c4d1e-9f3a-4c6b-8e5d-0a1b2c3d4e5f
     */
    ServerId: string;
    /**
     * @description Id (UUID) of the virtual interface, the `id` returned by `listVirtualInterfaces` or `createVirtualInterface` (not the network id).
     * @example 045f195f-3347-487b-8e80-8ee3390eda56
     */
    InterfaceId: string;
    /**
     * @description When `true`, the response also carries the roles and endpoints the user holds through Rackspace Customer Number (RCN) roles. Defaults to `false`.
     * @example false
     */
    ApplyRcnRoles: boolean;
  };
  requestBodies: never;
  headers: {
    /**
     * @description Id that Cloud Servers gives the request (`req-` and a UUID); quote it to Rackspace support. Missing when Repose answers the request itself.
     * @example req-f28cbcae-fe5e-4318-908a-dd6a9cb23122
     */
    ComputeRequestId: string;
    /**
     * @description When the rate limit lets the request through again. HTTP allows either a number of seconds or an HTTP date; clients must accept both.
     * @example Thu, 20 Nov 2026 16:25:57 GMT
     */
    RetryAfter: string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listVirtualInterfaces: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description Id (UUID) of the Cloud Server.
         * @example 7b2c4d1e-9f3a-4c6b-8e5d-0a1b2c3d4e5f
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The server's virtual interfaces. */
      200: {
        headers: {
          'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VirtualInterfaceList'];
        };
      };
      400: components['responses']['BadRequestError'];
      401: components['responses']['UnauthorizedError'];
      403: components['responses']['ForbiddenError'];
      404: components['responses']['NotFoundError'];
      405: components['responses']['MethodNotAllowedError'];
      409: components['responses']['ConflictError'];
      413: components['responses']['OverLimitError'];
      500: components['responses']['ComputeFaultError'];
      503: components['responses']['ServiceUnavailableError'];
    };
  };
  createVirtualInterface: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description Id (UUID) of the Cloud Server.
         * @example 7b2c4d1e-9f3a-4c6b-8e5d-0a1b2c3d4e5f
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    /** @description The network to attach. */
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateVirtualInterfaceRequest'];
      };
    };
    responses: {
      /** @description The interface was created and attached (the documented answer). */
      200: {
        headers: {
          'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateVirtualInterfaceResponse'];
        };
      };
      /** @description The interface was created and attached. Not in the documentation; accepted by rackspace/gophercloud, whose tests fake this code. */
      201: {
        headers: {
          'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateVirtualInterfaceResponse'];
        };
      };
      /** @description The request was accepted. Not in the documentation; accepted by rackspace/gophercloud. Confirm with `listVirtualInterfaces` that the interface is listed. */
      202: {
        headers: {
          'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateVirtualInterfaceResponse'];
        };
      };
      400: components['responses']['BadRequestError'];
      401: components['responses']['UnauthorizedError'];
      403: components['responses']['ForbiddenError'];
      404: components['responses']['NotFoundError'];
      405: components['responses']['MethodNotAllowedError'];
      409: components['responses']['ConflictError'];
      413: components['responses']['OverLimitError'];
      500: components['responses']['ComputeFaultError'];
      503: components['responses']['ServiceUnavailableError'];
    };
  };
  deleteVirtualInterface: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description Id (UUID) of the Cloud Server.
         * @example 7b2c4d1e-9f3a-4c6b-8e5d-0a1b2c3d4e5f
         */
        server_id: components['parameters']['ServerId'];
        /**
         * @description Id (UUID) of the virtual interface, the `id` returned by `listVirtualInterfaces` or `createVirtualInterface` (not the network id).
         * @example 045f195f-3347-487b-8e80-8ee3390eda56
         */
        interface_id: components['parameters']['InterfaceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The interface was deleted (API reference: empty body, `Content-Length: 0`). */
      200: {
        headers: {
          'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The deletion was accepted (empty body). */
      202: {
        headers: {
          'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The interface was deleted (getting-started guide; no body). */
      204: {
        headers: {
          'X-Compute-Request-Id': components['headers']['ComputeRequestId'];
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequestError'];
      401: components['responses']['UnauthorizedError'];
      403: components['responses']['ForbiddenError'];
      404: components['responses']['NotFoundError'];
      405: components['responses']['MethodNotAllowedError'];
      409: components['responses']['ConflictError'];
      413: components['responses']['OverLimitError'];
      500: components['responses']['ComputeFaultError'];
      503: components['responses']['ServiceUnavailableError'];
    };
  };
  createToken: {
    parameters: {
      query?: {
        /**
         * @description When `true`, the response also carries the roles and endpoints the user holds through Rackspace Customer Number (RCN) roles. Defaults to `false`.
         * @example false
         */
        apply_rcn_roles?: components['parameters']['ApplyRcnRoles'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The credentials, with an optional tenant. */
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTokenRequest'];
      };
    };
    responses: {
      /** @description Authenticated. The token is `access.token.id`; the Cloud Servers endpoint is in `access.serviceCatalog` under the name `cloudServersOpenStack`. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateTokenResponse'];
        };
      };
      400: components['responses']['IdentityBadRequestError'];
      401: components['responses']['IdentityUnauthorizedError'];
      403: components['responses']['IdentityForbiddenError'];
      500: components['responses']['IdentityFaultError'];
    };
  };
}
