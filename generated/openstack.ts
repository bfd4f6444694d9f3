export interface paths {
  '/servers/{server_id}/os-interface': {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description The compute microversion to use, as `compute X.Y` (from 2.27; earlier servers ignore it). Takes precedence over `X-OpenStack-Nova-API-Version`. Without either header the server uses 2.1. `latest` means the server's maximum; clients should send an explicit version.
         * @example compute 2.70
         */
        'OpenStack-API-Version'?: components['parameters']['MicroversionHeader'];
        /**
         * @description The compute microversion as `X.Y`, understood by every microversioned Nova. cloud-nic sends it with the same value as `OpenStack-API-Version`.
         * @example 2.70
         */
        'X-OpenStack-Nova-API-Version'?: components['parameters']['LegacyMicroversionHeader'];
      };
      path: {
        /**
         * @description The server's ID (a UUID). Nova looks it up and answers 404 when no server of the project has it; it does not validate the format.
         * @example 8a9e6f1c-3b2d-4f5e-9c7a-1d2e3f4a5b6c
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    /**
     * List port interfaces
     * @description Lists every Neutron port attached to the server, with its network, MAC address, fixed IP addresses and Neutron status. There is no paging: the whole list comes in one response. From microversion 2.70 each entry also carries `tag`. Needs the project reader role (or admin) by default policy.
     */
    get: operations['listServerInterfaces'];
    put?: never;
    /**
     * Attach a port interface
     * @description Plugs a network interface into the server, in one of three ways:
     *     - **by port**: attach an existing, unbound Neutron port (`port_id`);
     *     - **by network**: let Nova create a port on `net_id`, optionally with one fixed IP address;
     *     - **automatic**: send an empty `interfaceAttachment` and Nova creates a port on the one
     *       network available to the project (400 when there is none, or more than one).
     *
     *     `tag` (from microversion 2.49) labels the device for the guest's metadata service.
     *     The server must be `ACTIVE`, `PAUSED` or `STOPPED` with no task running, and not locked.
     *     The answer is **200** with the new attachment, but the port may still be `DOWN` or
     *     `BUILD`: poll the show call until `port_state` is `ACTIVE`. Needs the project member
     *     role (or admin) by default policy.
     */
    post: operations['attachServerInterface'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/servers/{server_id}/os-interface/{port_id}': {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description The compute microversion to use, as `compute X.Y` (from 2.27; earlier servers ignore it). Takes precedence over `X-OpenStack-Nova-API-Version`. Without either header the server uses 2.1. `latest` means the server's maximum; clients should send an explicit version.
         * @example compute 2.70
         */
        'OpenStack-API-Version'?: components['parameters']['MicroversionHeader'];
        /**
         * @description The compute microversion as `X.Y`, understood by every microversioned Nova. cloud-nic sends it with the same value as `OpenStack-API-Version`.
         * @example 2.70
         */
        'X-OpenStack-Nova-API-Version'?: components['parameters']['LegacyMicroversionHeader'];
      };
      path: {
        /**
         * @description The server's ID (a UUID). Nova looks it up and answers 404 when no server of the project has it; it does not validate the format.
         * @example 8a9e6f1c-3b2d-4f5e-9c7a-1d2e3f4a5b6c
         */
        server_id: components['parameters']['ServerId'];
        /**
         * @description The Neutron port ID of the attachment (there is no separate attachment ID). Unknown or not attached to this server: 404.
         * @example ce531f90-199f-48c0-816c-13e38010b442
         */
        port_id: components['parameters']['PortId'];
      };
      cookie?: never;
    };
    /**
     * Show a port interface
     * @description Shows one port attached to the server, looked up by its Neutron port ID. A port that exists but is bound to another server (or to none) is reported as 404. This is the call to poll after an attach until `port_state` is `ACTIVE`. Needs the project reader role (or admin) by default policy.
     */
    get: operations['showServerInterface'];
    put?: never;
    post?: never;
    /**
     * Detach a port interface
     * @description Asks the compute host to unplug the port from the server. The answer is **202** with no body as soon as the request is queued; the detach itself, and the check that the port is really attached, happen afterwards. Poll the list call until the port is gone. The server must be `ACTIVE`, `PAUSED` or `STOPPED` with no task running, and not locked. Needs the project member role (or admin) by default policy.
     */
    delete: operations['detachServerInterface'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List compute API versions
     * @description Returns the compute API versions the endpoint serves. In the `v2.1` entry, `version` is the highest microversion the server supports and `min_version` the lowest; empty strings mean the entry has no microversions (the legacy v2.0 API). Needs no token and ignores the microversion headers. The same document for v2.1 alone is served at `/v2.1/` as `{"version": {...}}`.
     */
    get: operations['listComputeVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a token
     * @description Authenticates with a password or an application credential and issues a token.
     *     The token is returned in the `X-Subject-Token` response header; send it as
     *     `X-Auth-Token` to Nova. The body says when it expires and, for a scoped token, holds the
     *     service catalog where the compute endpoint is found (entry `type: compute`, then the
     *     endpoint with the wanted `interface` and `region_id`).
     *
     *     - **Password**: identify the user by ID, or by name plus domain, and request a project
     *       scope (project by ID, or by name plus domain). Without `scope`, Keystone scopes the
     *       token to the user's default project if one is set, and otherwise issues an unscoped
     *       token without a catalog.
     *     - **Application credential**: identify the credential by ID, or by name plus its user.
     *       The token is always scoped to the credential's project; requesting a scope is refused
     *       with 401, so this form has no `scope`.
     *
     *     Keystone also accepts domain and system scopes and other methods (token, TOTP,
     *     federation); cloud-nic needs a project-scoped token, so only these forms are described.
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
    /** @description Body of an attach. The `interfaceAttachment` wrapper is required here even though Nova also takes a bare `{}` as an automatic attach. */
    AttachServerInterfaceRequest: {
      interfaceAttachment: components['schemas']['InterfaceAttachmentRequest'];
    };
    /** @description What to attach: an existing port, a new port on a given network, or a new port on a network Nova picks. `port_id` and `net_id` exclude each other; `fixed_ips` needs `net_id`. */
    InterfaceAttachmentRequest:
      | components['schemas']['InterfaceAttachmentByPort']
      | components['schemas']['InterfaceAttachmentByNetwork']
      | components['schemas']['InterfaceAttachmentAutomatic'];
    /**
     * By port
     * @description Attach an existing Neutron port that is not bound to any server.
     */
    InterfaceAttachmentByPort: {
      /**
       * Format: uuid
       * @description ID of the Neutron port to attach.
       * @example ce531f90-199f-48c0-816c-13e38010b442
       */
      port_id: string;
      tag?: components['schemas']['InterfaceAttachmentTag'];
      net_id?: never;
      fixed_ips?: never;
    };
    /**
     * By network
     * @description Nova creates a port on this network (Neutron allocates the address unless one is given) and attaches it.
     */
    InterfaceAttachmentByNetwork: {
      /**
       * Format: uuid
       * @description ID of the Neutron network to create the port on.
       * @example 3cb9bc59-5699-4588-a4b1-b87f96708bc6
       */
      net_id: string;
      /** @description The address to request, as exactly one entry. Nova uses only the first entry and rejects more; the subnet is chosen by Neutron from the address. */
      fixed_ips?: [components['schemas']['RequestedFixedIp']];
      tag?: components['schemas']['InterfaceAttachmentTag'];
      port_id?: never;
    };
    /**
     * Automatic
     * @description No port and no network: Nova creates a port on the only network available to the project. 400 `badRequest` when the project has no network or several.
     */
    InterfaceAttachmentAutomatic: {
      tag?: components['schemas']['InterfaceAttachmentTag'];
      port_id?: never;
      net_id?: never;
      fixed_ips?: never;
    };
    /**
     * @description A device tag the guest can read from the metadata service (not from the config drive). Accepted from microversion 2.49; earlier the field is refused with 400. 1 to 60 characters, no comma or slash.
     * @example public
     */
    InterfaceAttachmentTag: string;
    /** @description An IP address to give the new port. Nova accepts no `subnet_id` here. */
    RequestedFixedIp: {
      ip_address: components['schemas']['IpAddress'];
    };
    /**
     * @description An IPv4 address in dotted-quad form or an IPv6 address.
     * @example 192.168.1.3
     * @example 2001:db8:0:3::1c
     */
    IpAddress: string;
    /** @description A port plugged into the server, as Nova reports it from Neutron's port. The shape is the same for list, show and attach at a given microversion. */
    InterfaceAttachment: {
      /** @description The port's IP addresses with their subnets; may be empty or null. */
      fixed_ips: components['schemas']['AttachedFixedIp'][] | null;
      /**
       * @description The port's MAC address, six colon-separated hexadecimal octets (Nova's schema calls it format `mac-address`).
       * @example fa:16:3e:4c:2c:30
       */
      mac_addr: string;
      /**
       * Format: uuid
       * @description ID of the Neutron network the port belongs to.
       * @example 3cb9bc59-5699-4588-a4b1-b87f96708bc6
       */
      net_id: string;
      /**
       * Format: uuid
       * @description ID of the Neutron port; the key for show and detach.
       * @example ce531f90-199f-48c0-816c-13e38010b442
       */
      port_id: string;
      /**
       * @description The Neutron port status: `ACTIVE` (up), `BUILD` (being set up), `DOWN` (not up yet or taken down), `ERROR`, or `N/A` (no status reported). Right after an attach it is often `DOWN` or `BUILD`.
       * @enum {string}
       */
      port_state: 'ACTIVE' | 'BUILD' | 'DOWN' | 'ERROR' | 'N/A';
      /** @description The device tag given at attach time, or null. Present in every attachment from microversion 2.70, absent below (even when a tag was set with 2.49 to 2.69). */
      tag?: string | null;
    };
    /** @description One IP address of an attached port. */
    AttachedFixedIp: {
      ip_address: components['schemas']['IpAddress'];
      /**
       * Format: uuid
       * @description ID of the Neutron subnet the address comes from.
       * @example f8a6e8f8-c2ec-497c-9f23-da9616de54ef
       */
      subnet_id: string;
    };
    /** @description Body of show and attach answers. */
    InterfaceAttachmentEnvelope: {
      interfaceAttachment: components['schemas']['InterfaceAttachment'];
    };
    /** @description Body of a list answer. */
    InterfaceAttachmentList: {
      /** @description Every port attached to the server, in no particular order. */
      interfaceAttachments: components['schemas']['InterfaceAttachment'][];
    };
    /** @description The compute version document served at the unversioned root. */
    ComputeVersionList: {
      /** @description One entry per API the endpoint serves (`v2.0` if enabled, `v2.1`). */
      versions: components['schemas']['ComputeVersion'][];
    };
    /** @description One compute API version and its microversion range. */
    ComputeVersion: {
      /**
       * @description The API version, `v2.0` or `v2.1`.
       * @example v2.1
       */
      id: string;
      /**
       * @description Whether this is the current API or an older one kept for compatibility.
       * @enum {string}
       */
      status: 'CURRENT' | 'SUPPORTED' | 'DEPRECATED';
      /**
       * @description The highest microversion supported, or an empty string when the API has no microversions.
       * @example 2.104
       */
      version: string;
      /**
       * @description The lowest microversion supported (`2.1`), or an empty string as above.
       * @example 2.1
       */
      min_version: string;
      /**
       * Format: date-time
       * @description When this API version last changed, as set in Nova's code.
       */
      updated?: string;
      /** @description Links to the version's own document. */
      links: components['schemas']['VersionLink'][];
    };
    /** @description A link to a version document. */
    VersionLink: {
      /**
       * @description Absolute URL of the linked document.
       * @example https://compute.example.com:8774/v2.1/
       */
      href: string;
      /**
       * @description Link relation, `self` for the version's own document.
       * @example self
       */
      rel: string;
    };
    /** @description An error body that is not JSON, written by a web server or proxy rather than by the OpenStack service (often plain text or HTML). */
    PlainTextError: string;
    /** @description A Nova error: exactly one property, named after the fault (`badRequest`, `itemNotFound`, `computeFault`, ...), whose value holds the status code and a message. */
    NovaFault: {
      [key: string]: components['schemas']['NovaFaultDetail'];
    };
    /** @description The content of a Nova fault. */
    NovaFaultDetail: {
      /**
       * @description The HTTP status code, repeated.
       * @example 404
       */
      code: number;
      /**
       * @description A human-readable explanation; do not parse it (except the 406 range).
       * @example Instance 8a9e6f1c-3b2d-4f5e-9c7a-1d2e3f4a5b6c could not be found.
       */
      message: string;
      /**
       * @description Only on 413 and 429 `overLimit` faults, and only when the answer carries a `Retry-After` header: a copy of that header's value (a string).
       * @example 30
       */
      retryAfter?: string;
    };
    /** @description An error from Keystone or from the keystonemiddleware in front of a service. */
    KeystoneError: {
      error: components['schemas']['KeystoneErrorDetail'];
    };
    /** @description The content of a Keystone error. */
    KeystoneErrorDetail: {
      /**
       * @description The HTTP status code, repeated.
       * @example 401
       */
      code: number;
      /**
       * @description The HTTP reason phrase, such as `Unauthorized`.
       * @example Unauthorized
       */
      title: string;
      /**
       * @description A human-readable explanation.
       * @example The request you have made requires authentication.
       */
      message: string;
    };
    /** @description A 401 from the compute endpoint: normally keystonemiddleware's `{"error": {...}}`, or a Nova `unauthorized` fault when Nova itself refuses the credentials. */
    ComputeAuthError: components['schemas']['KeystoneError'] | components['schemas']['NovaFault'];
    /** @description Body of a token request. */
    TokenRequest: {
      auth: components['schemas']['TokenAuth'];
    };
    /** @description How to authenticate: a password (with an optional project scope) or an application credential (never with a scope). */
    TokenAuth:
      components['schemas']['PasswordAuth'] | components['schemas']['ApplicationCredentialAuth'];
    /**
     * Password
     * @description Password authentication, optionally scoped to a project.
     */
    PasswordAuth: {
      identity: components['schemas']['PasswordIdentity'];
      scope?: components['schemas']['ProjectScope'];
    };
    /**
     * Application credential
     * @description Application-credential authentication. The token is scoped to the credential's project; a `scope` is refused by Keystone (401), so none may be sent: `identity` is the only property.
     */
    ApplicationCredentialAuth: {
      identity: components['schemas']['ApplicationCredentialIdentity'];
      scope?: never;
    };
    /** @description The password method and the user's credentials. */
    PasswordIdentity: {
      /** @description The authentication methods used; exactly `["password"]`. */
      methods: ['password'];
      password: components['schemas']['PasswordMethod'];
      application_credential?: never;
    };
    /** @description The user and password for the password method. */
    PasswordMethod: {
      user: components['schemas']['PasswordUser'];
    };
    /** @description The user, by ID or by name within a domain, with the password. */
    PasswordUser:
      components['schemas']['PasswordUserById'] | components['schemas']['PasswordUserByName'];
    /**
     * User by ID
     * @description A user identified by ID (unique across domains).
     */
    PasswordUserById: {
      /**
       * @description The user's ID.
       * @example fd786d56402c4d1691372e7dee0d00b5
       */
      id: string;
      /** @description The user's password. Never logged by cloud-nic. */
      password: string;
      name?: never;
      domain?: never;
    };
    /**
     * User by name
     * @description A user identified by name, which is only unique within its domain.
     */
    PasswordUserByName: {
      /**
       * @description The user's name.
       * @example demo
       */
      name: string;
      domain: components['schemas']['DomainReference'];
      /** @description The user's password. Never logged by cloud-nic. */
      password: string;
      id?: never;
    };
    /** @description A Keystone domain, by ID or by name. */
    DomainReference: components['schemas']['DomainById'] | components['schemas']['DomainByName'];
    /**
     * Domain by ID
     * @description A domain identified by ID, such as `default`.
     */
    DomainById: {
      /**
       * @description The domain's ID.
       * @example default
       */
      id: string;
      name?: never;
    };
    /**
     * Domain by name
     * @description A domain identified by name, such as `Default`.
     */
    DomainByName: {
      /**
       * @description The domain's name.
       * @example Default
       */
      name: string;
      id?: never;
    };
    /** @description Scope the token to a project, which the compute calls need. */
    ProjectScope: {
      project: components['schemas']['ProjectReference'];
    };
    /** @description A Keystone project, by ID or by name within a domain. */
    ProjectReference: components['schemas']['ProjectById'] | components['schemas']['ProjectByName'];
    /**
     * Project by ID
     * @description A project identified by ID.
     */
    ProjectById: {
      /**
       * @description The project's ID.
       * @example 231c62fb0fbd485b995e8b060c3f0d98
       */
      id: string;
      name?: never;
      domain?: never;
    };
    /**
     * Project by name
     * @description A project identified by name, which is only unique within its domain.
     */
    ProjectByName: {
      /**
       * @description The project's name.
       * @example demo
       */
      name: string;
      domain: components['schemas']['DomainReference'];
      id?: never;
    };
    /** @description The application-credential method and the credential. */
    ApplicationCredentialIdentity: {
      /** @description The authentication methods used; exactly `["application_credential"]`. */
      methods: ['application_credential'];
      application_credential: components['schemas']['ApplicationCredential'];
      password?: never;
    };
    /** @description An application credential, by ID or by name and owner, with its secret. */
    ApplicationCredential:
      | components['schemas']['ApplicationCredentialById']
      | components['schemas']['ApplicationCredentialByName'];
    /**
     * Application credential by ID
     * @description A credential identified by its ID.
     */
    ApplicationCredentialById: {
      /**
       * @description The application credential's ID.
       * @example 423f19a4ac1e4f48bbb4180756e6eb6c
       */
      id: string;
      /** @description The credential's secret. Never logged by cloud-nic. */
      secret: string;
      name?: never;
      user?: never;
    };
    /**
     * Application credential by name
     * @description A credential identified by its name, which is only unique per user.
     */
    ApplicationCredentialByName: {
      /**
       * @description The application credential's name.
       * @example monitoring
       */
      name: string;
      /** @description The credential's secret. Never logged by cloud-nic. */
      secret: string;
      user: components['schemas']['UserReference'];
      id?: never;
    };
    /** @description The user owning an application credential, by ID or by name within a domain. */
    UserReference: components['schemas']['UserById'] | components['schemas']['UserByName'];
    /**
     * User by ID
     * @description A user identified by ID.
     */
    UserById: {
      /**
       * @description The user's ID.
       * @example fd786d56402c4d1691372e7dee0d00b5
       */
      id: string;
      name?: never;
      domain?: never;
    };
    /**
     * User by name
     * @description A user identified by name within a domain.
     */
    UserByName: {
      /**
       * @description The user's name.
       * @example demo
       */
      name: string;
      domain: components['schemas']['DomainReference'];
      id?: never;
    };
    /** @description Body of a token answer; the token itself is in `X-Subject-Token`. */
    TokenResponse: {
      token: components['schemas']['Token'];
    };
    /** @description What the token grants. Only the fields cloud-nic relies on are described; Keystone adds others (for example about application credentials or trusts). */
    Token: {
      /** @description The methods used to authenticate, such as `password`. */
      methods: string[];
      user: components['schemas']['TokenUser'];
      project?: components['schemas']['TokenProject'];
      /** @description Whether the scoped project acts as a domain (normally false). */
      is_domain?: boolean;
      /** @description The roles the token carries on its scope. */
      roles?: components['schemas']['TokenRole'][];
      /** @description The service catalog, present for scoped tokens. Find the compute endpoint by `type: compute`, `interface` and `region_id`. */
      catalog?: components['schemas']['CatalogEntry'][];
      /**
       * Format: date-time
       * @description When the token stops working (UTC); get a new one before then.
       */
      expires_at: string;
      /**
       * Format: date-time
       * @description When the token was issued (UTC).
       */
      issued_at: string;
      /** @description Audit identifiers that tie the token to its authentication chain. */
      audit_ids: string[];
    };
    /** @description The user the token belongs to. */
    TokenUser: {
      /** @description The user's ID. */
      id: string;
      /** @description The user's name. */
      name: string;
      domain: components['schemas']['NamedDomain'];
      /** @description When the user's password expires, or null. Keystone writes it without a time zone (UTC is meant). */
      password_expires_at?: string | null;
    };
    /** @description The project a project-scoped token is scoped to. */
    TokenProject: {
      /** @description The project's ID (the `project_id` segment of compute catalog URLs). */
      id: string;
      /** @description The project's name. */
      name: string;
      domain: components['schemas']['NamedDomain'];
    };
    /** @description A domain as Keystone reports it, with ID and name. */
    NamedDomain: {
      /** @description The domain's ID. */
      id: string;
      /** @description The domain's name. */
      name: string;
    };
    /** @description A role assigned on the token's scope. */
    TokenRole: {
      /** @description The role's ID. */
      id: string;
      /** @description The role's name, such as `member` or `reader`. */
      name: string;
    };
    /** @description One service in the catalog with its endpoints. */
    CatalogEntry: {
      /** @description The service's ID. */
      id?: string;
      /**
       * @description The service type, `compute` for Nova.
       * @example compute
       */
      type: string;
      /**
       * @description The service's name, chosen by the operator (usually `nova` for compute).
       * @example nova
       */
      name: string;
      /** @description The service's endpoints, one per interface and region. */
      endpoints: components['schemas']['CatalogEndpoint'][];
    };
    /** @description One endpoint of a catalog service. */
    CatalogEndpoint: {
      /** @description The endpoint's ID. */
      id?: string;
      /**
       * @description Who the endpoint is for; clients normally use `public`.
       * @enum {string}
       */
      interface: 'public' | 'internal' | 'admin';
      /** @description The region's ID (older name of `region_id`, kept for compatibility). */
      region?: string | null;
      /** @description The region's ID, such as `RegionOne`. */
      region_id?: string | null;
      /** @description The absolute base URL. For compute it usually ends in `/v2.1` or `/v2.1/{project_id}`. */
      url: string;
    };
  };
  responses: {
    /** @description The request was malformed: most often a microversion header that is not `X.Y`, or (from microversion 2.102) an unknown query parameter. */
    ComputeBadRequest: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description The attach was refused before anything changed: an invalid body (schema or the `net_id`/`port_id`/`fixed_ips` rules), a field newer than the microversion (such as `tag` below 2.49), no usable network, a port that cannot be used, or a feature the deployment does not support. Also for a malformed microversion header. */
    AttachBadRequest: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description The detach was refused: the port has an accelerator device (not in the api-ref), or the microversion header is malformed. */
    DetachBadRequest: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description No token, or an expired, revoked or malformed one. Usually answered by keystonemiddleware before Nova, with a `WWW-Authenticate` challenge naming Keystone. Get a new token and retry once. */
    ComputeUnauthorized: {
      headers: {
        'WWW-Authenticate': components['headers']['WwwAuthenticate'];
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ComputeAuthError'];
      };
    };
    /** @description Policy does not allow this call for the token's roles (reading needs the project reader role, attach and detach the member role, by default), or Neutron refused access to the port. */
    ComputeForbidden: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description Policy refuses the attach, or the project's port quota is used up. */
    AttachForbidden: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description No server with this ID in the token's project. */
    ServerNotFound: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description The server does not exist, the port does not exist, or the port is not attached to this server. */
    InterfaceNotFound: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description The server, the port (`port_id`) or the network (`net_id`) does not exist. */
    AttachNotFound: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description The server does not exist, or Nova already knows the port does not exist. A port that exists but is not attached usually gets 202 and fails later on the compute host. */
    DetachNotFound: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description The requested microversion is outside the server's range. The message names the range (`Minimum is X and maximum is Y`): retry within it, or read it from `GET /`. */
    MicroversionNotAcceptable: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description The server cannot take the attach now (locked, or in a state other than ACTIVE, PAUSED or STOPPED, or busy with a task), or the port or the requested address is already in use. */
    AttachConflict: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description The server cannot take the detach now: locked, or in a state other than ACTIVE, PAUSED or STOPPED, or busy with a task. */
    DetachConflict: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description Over a limit: the request body is too large, or a rate limiter in front of Nova answers with 413 (the historic Nova convention). Wait for `Retry-After` before retrying. */
    ComputePayloadTooLarge: {
      headers: {
        'Retry-After': components['headers']['RetryAfter'];
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description Rate limited. Wait for `Retry-After` (also copied into `retryAfter`) before retrying. */
    ComputeTooManyRequests: {
      headers: {
        'Retry-After': components['headers']['RetryAfter'];
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description An unexpected error in Nova or a service it called; the request ID helps the operator. */
    ComputeInternalError: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description The compute host could not plug the port (for example the hypervisor refused the device), or an unexpected error occurred. */
    AttachFailed: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description The deployment's network or hypervisor driver does not support this operation (for example interface hot-plug on libvirt-LXC). */
    ComputeNotImplemented: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
        'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
        Vary: components['headers']['VaryMicroversion'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaFault'];
      };
    };
    /** @description Nothing at this URL serves the compute version document, typically because the catalog URL was cut at the wrong place or Nova is mounted under a path prefix. The answer comes from a web server or proxy, not Nova; try `<catalog URL up to /v2.1>/` instead, which returns `{"version": {...}}`. */
    VersionRootNotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'text/plain': components['schemas']['PlainTextError'];
      };
    };
    /** @description The token request body is malformed or breaks Keystone's schema. */
    IdentityBadRequest: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['KeystoneError'];
      };
    };
    /** @description Wrong credentials, a disabled user or project, no role on the requested project, or a scope requested with an application credential. Keystone deliberately says little. */
    IdentityUnauthorized: {
      headers: {
        'WWW-Authenticate': components['headers']['WwwAuthenticate'];
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['KeystoneError'];
      };
    };
    /** @description Keystone refuses the authentication it understood, for example by policy. */
    IdentityForbidden: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['KeystoneError'];
      };
    };
    /** @description A domain, project or user named in the request does not exist. */
    IdentityNotFound: {
      headers: {
        'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['KeystoneError'];
      };
    };
  };
  parameters: {
    /**
     * @description The server's ID (a UUID). Nova looks it up and answers 404 when no server of the project has it; it does not validate the format.
     * @example 8a9e6f1c-3b2d-4f5e-9c7a-1d2e3f4a5b6c
     */
    ServerId: string;
    /**
     * @description The Neutron port ID of the attachment (there is no separate attachment ID). Unknown or not attached to this server: 404.
     * @example ce531f90-199f-48c0-816c-13e38010b442
     */
    PortId: string;
    /**
     * @description The compute microversion to use, as `compute X.Y` (from 2.27; earlier servers ignore it). Takes precedence over `X-OpenStack-Nova-API-Version`. Without either header the server uses 2.1. `latest` means the server's maximum; clients should send an explicit version.
     * @example compute 2.70
     */
    MicroversionHeader: string;
    /**
     * @description The compute microversion as `X.Y`, understood by every microversioned Nova. cloud-nic sends it with the same value as `OpenStack-API-Version`.
     * @example 2.70
     */
    LegacyMicroversionHeader: string;
  };
  requestBodies: never;
  headers: {
    /**
     * @description The microversion the request was served at, as `compute X.Y`. Also on Nova faults once the requested version has been parsed.
     * @example compute 2.70
     */
    OpenStackApiVersion: string;
    /**
     * @description The microversion the request was served at, as `X.Y` (legacy header).
     * @example 2.70
     */
    XOpenStackNovaApiVersion: string;
    /**
     * @description Names the microversion request headers, since the response depends on them. Nova sets it twice; HTTP clients usually join the values with a comma.
     * @example OpenStack-API-Version, X-OpenStack-Nova-API-Version
     */
    VaryMicroversion: string;
    /**
     * @description The request ID (`req-` and a UUID) that the service logged the call under; quote it when reporting a problem. Nova's api-guide documents it from microversion 2.46; treat it as optional.
     * @example req-3f6a2c1e-8b4d-4e7f-9a0c-5d1e2b3c4f60
     */
    XOpenStackRequestId: string;
    /**
     * @description How long to wait before retrying: a number of seconds or an HTTP date. Nova copies it into the fault's `retryAfter`.
     * @example 30
     */
    RetryAfter: string;
    /**
     * @description The authentication challenge naming the Keystone endpoint to get a token from, as `Keystone uri="<identity URL>"`.
     * @example Keystone uri="https://identity.example.com:5000"
     */
    WwwAuthenticate: string;
    /**
     * @description The new token (a Fernet token of about 180 to 250 characters). Treat it as a secret: never log it.
     * @example gAAAAABpYm9ndXMtZXhhbXBsZS10b2tlbi1ub3QtYS1yZWFsLWZlcm5ldC12YWx1ZQ
     */
    XSubjectToken: string;
    /**
     * @description Keystone marks token responses as varying with `X-Auth-Token`.
     * @example X-Auth-Token
     */
    VaryAuthToken: string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listServerInterfaces: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description The compute microversion to use, as `compute X.Y` (from 2.27; earlier servers ignore it). Takes precedence over `X-OpenStack-Nova-API-Version`. Without either header the server uses 2.1. `latest` means the server's maximum; clients should send an explicit version.
         * @example compute 2.70
         */
        'OpenStack-API-Version'?: components['parameters']['MicroversionHeader'];
        /**
         * @description The compute microversion as `X.Y`, understood by every microversioned Nova. cloud-nic sends it with the same value as `OpenStack-API-Version`.
         * @example 2.70
         */
        'X-OpenStack-Nova-API-Version'?: components['parameters']['LegacyMicroversionHeader'];
      };
      path: {
        /**
         * @description The server's ID (a UUID). Nova looks it up and answers 404 when no server of the project has it; it does not validate the format.
         * @example 8a9e6f1c-3b2d-4f5e-9c7a-1d2e3f4a5b6c
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The server's port interfaces (possibly none). */
      200: {
        headers: {
          'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
          'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
          Vary: components['headers']['VaryMicroversion'];
          'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterfaceAttachmentList'];
        };
      };
      400: components['responses']['ComputeBadRequest'];
      401: components['responses']['ComputeUnauthorized'];
      403: components['responses']['ComputeForbidden'];
      404: components['responses']['ServerNotFound'];
      406: components['responses']['MicroversionNotAcceptable'];
      413: components['responses']['ComputePayloadTooLarge'];
      429: components['responses']['ComputeTooManyRequests'];
      500: components['responses']['ComputeInternalError'];
      501: components['responses']['ComputeNotImplemented'];
    };
  };
  attachServerInterface: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description The compute microversion to use, as `compute X.Y` (from 2.27; earlier servers ignore it). Takes precedence over `X-OpenStack-Nova-API-Version`. Without either header the server uses 2.1. `latest` means the server's maximum; clients should send an explicit version.
         * @example compute 2.70
         */
        'OpenStack-API-Version'?: components['parameters']['MicroversionHeader'];
        /**
         * @description The compute microversion as `X.Y`, understood by every microversioned Nova. cloud-nic sends it with the same value as `OpenStack-API-Version`.
         * @example 2.70
         */
        'X-OpenStack-Nova-API-Version'?: components['parameters']['LegacyMicroversionHeader'];
      };
      path: {
        /**
         * @description The server's ID (a UUID). Nova looks it up and answers 404 when no server of the project has it; it does not validate the format.
         * @example 8a9e6f1c-3b2d-4f5e-9c7a-1d2e3f4a5b6c
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    /** @description What to attach. Exactly one of the three forms; unknown fields are rejected. */
    requestBody: {
      content: {
        'application/json': components['schemas']['AttachServerInterfaceRequest'];
      };
    };
    responses: {
      /** @description The port is plugged into the server. `port_state` reflects Neutron at the time of the answer and is often not yet `ACTIVE`. */
      200: {
        headers: {
          'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
          'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
          Vary: components['headers']['VaryMicroversion'];
          'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterfaceAttachmentEnvelope'];
        };
      };
      400: components['responses']['AttachBadRequest'];
      401: components['responses']['ComputeUnauthorized'];
      403: components['responses']['AttachForbidden'];
      404: components['responses']['AttachNotFound'];
      406: components['responses']['MicroversionNotAcceptable'];
      409: components['responses']['AttachConflict'];
      413: components['responses']['ComputePayloadTooLarge'];
      429: components['responses']['ComputeTooManyRequests'];
      500: components['responses']['AttachFailed'];
      501: components['responses']['ComputeNotImplemented'];
    };
  };
  showServerInterface: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description The compute microversion to use, as `compute X.Y` (from 2.27; earlier servers ignore it). Takes precedence over `X-OpenStack-Nova-API-Version`. Without either header the server uses 2.1. `latest` means the server's maximum; clients should send an explicit version.
         * @example compute 2.70
         */
        'OpenStack-API-Version'?: components['parameters']['MicroversionHeader'];
        /**
         * @description The compute microversion as `X.Y`, understood by every microversioned Nova. cloud-nic sends it with the same value as `OpenStack-API-Version`.
         * @example 2.70
         */
        'X-OpenStack-Nova-API-Version'?: components['parameters']['LegacyMicroversionHeader'];
      };
      path: {
        /**
         * @description The server's ID (a UUID). Nova looks it up and answers 404 when no server of the project has it; it does not validate the format.
         * @example 8a9e6f1c-3b2d-4f5e-9c7a-1d2e3f4a5b6c
         */
        server_id: components['parameters']['ServerId'];
        /**
         * @description The Neutron port ID of the attachment (there is no separate attachment ID). Unknown or not attached to this server: 404.
         * @example ce531f90-199f-48c0-816c-13e38010b442
         */
        port_id: components['parameters']['PortId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The attachment. */
      200: {
        headers: {
          'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
          'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
          Vary: components['headers']['VaryMicroversion'];
          'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterfaceAttachmentEnvelope'];
        };
      };
      400: components['responses']['ComputeBadRequest'];
      401: components['responses']['ComputeUnauthorized'];
      403: components['responses']['ComputeForbidden'];
      404: components['responses']['InterfaceNotFound'];
      406: components['responses']['MicroversionNotAcceptable'];
      413: components['responses']['ComputePayloadTooLarge'];
      429: components['responses']['ComputeTooManyRequests'];
      500: components['responses']['ComputeInternalError'];
    };
  };
  detachServerInterface: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description The compute microversion to use, as `compute X.Y` (from 2.27; earlier servers ignore it). Takes precedence over `X-OpenStack-Nova-API-Version`. Without either header the server uses 2.1. `latest` means the server's maximum; clients should send an explicit version.
         * @example compute 2.70
         */
        'OpenStack-API-Version'?: components['parameters']['MicroversionHeader'];
        /**
         * @description The compute microversion as `X.Y`, understood by every microversioned Nova. cloud-nic sends it with the same value as `OpenStack-API-Version`.
         * @example 2.70
         */
        'X-OpenStack-Nova-API-Version'?: components['parameters']['LegacyMicroversionHeader'];
      };
      path: {
        /**
         * @description The server's ID (a UUID). Nova looks it up and answers 404 when no server of the project has it; it does not validate the format.
         * @example 8a9e6f1c-3b2d-4f5e-9c7a-1d2e3f4a5b6c
         */
        server_id: components['parameters']['ServerId'];
        /**
         * @description The Neutron port ID of the attachment (there is no separate attachment ID). Unknown or not attached to this server: 404.
         * @example ce531f90-199f-48c0-816c-13e38010b442
         */
        port_id: components['parameters']['PortId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted; the compute host detaches the port in the background. No body. */
      202: {
        headers: {
          'OpenStack-API-Version': components['headers']['OpenStackApiVersion'];
          'X-OpenStack-Nova-API-Version': components['headers']['XOpenStackNovaApiVersion'];
          Vary: components['headers']['VaryMicroversion'];
          'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['DetachBadRequest'];
      401: components['responses']['ComputeUnauthorized'];
      403: components['responses']['ComputeForbidden'];
      404: components['responses']['DetachNotFound'];
      406: components['responses']['MicroversionNotAcceptable'];
      409: components['responses']['DetachConflict'];
      413: components['responses']['ComputePayloadTooLarge'];
      429: components['responses']['ComputeTooManyRequests'];
      500: components['responses']['ComputeInternalError'];
      501: components['responses']['ComputeNotImplemented'];
    };
  };
  listComputeVersions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The versions the endpoint serves. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ComputeVersionList'];
        };
      };
      404: components['responses']['VersionRootNotFound'];
    };
  };
  createToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The credentials and, for password logins, the project to scope the token to. */
    requestBody: {
      content: {
        'application/json': components['schemas']['TokenRequest'];
      };
    };
    responses: {
      /** @description Token issued. The token itself is the `X-Subject-Token` header; the body describes it. */
      201: {
        headers: {
          'X-Subject-Token': components['headers']['XSubjectToken'];
          Vary: components['headers']['VaryAuthToken'];
          'X-OpenStack-Request-Id': components['headers']['XOpenStackRequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponse'];
        };
      };
      400: components['responses']['IdentityBadRequest'];
      401: components['responses']['IdentityUnauthorized'];
      403: components['responses']['IdentityForbidden'];
      404: components['responses']['IdentityNotFound'];
    };
  };
}
