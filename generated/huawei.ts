export interface paths {
  '/': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the compute API versions and the microversion range
     * @description Returns the Nova-compatible version document of the ECS endpoint: one entry per API
     *     version (`v2.0`, `v2.1`). For `v2.1`, `version` is the **highest** microversion the region
     *     supports and `min_version` the lowest; for `v2.0` both are empty strings because v2.0 has
     *     no microversions. Use this to learn the real range before sending a microversion header:
     *     Huawei publishes no maximum, and this document's schemas assume only 2.1.
     *
     *     cloud-nic sends this call **unsigned**, as upstream Nova serves its version document
     *     without authentication. The official Go SDK signs it like every other call; if a region's
     *     gateway answers 401, sign it.
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
  '/v1/{project_id}/cloudservers/{server_id}/nics': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
         * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add one or more NICs to a server
     * @description Queues the addition of one or more NICs to the server and answers with the ID of the
     *     job that does the work. The NICs exist only once the job has finished: poll `showJob`
     *     until `status` is `SUCCESS` (or `FAIL`). This is the call Huawei recommends instead of
     *     the discarded `novaAttachServerInterface`.
     *
     *     Each entry of `nics` takes one of two forms:
     *
     *     - **New NIC on a subnet:** `subnet_id` (the ID of the VPC subnet's *network*), with
     *       optionally `security_groups`, a fixed `ip_address` (IPv4; assigned automatically when
     *       absent), `ipv6_enable` and `ipv6_bandwidth`.
     *     - **Existing port:** `port_id` alone. The port must be in the `DOWN` state (not bound to
     *       any server) and belong to the server's VPC.
     *
     *     **Why the forms are exclusive here.** Huawei's current SDK says that when both IDs are
     *     sent, `port_id` is used and `security_groups`, `ip_address` and the like are silently
     *     ignored; an older revision of the same SDK said the two IDs cannot be given together. A
     *     body that mixes them would carry settings that have no effect, so this document rejects
     *     it: send `port_id` alone to attach a port, or `subnet_id` and its options to create one.
     *     The result on Huawei's side is the same as for the mixed body.
     *
     *     Huawei documents no upper bound on the number of entries; the server's remaining NIC
     *     capacity (`attachableQuantity.free_nic` from `listServerInterfaces`) is the practical
     *     one. Huawei documents `200` with the job ID; its general status list adds `202` for a
     *     job accepted while the system is busy, so both are accepted.
     */
    post: operations['batchAddServerNics'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/{project_id}/cloudservers/{server_id}/nics/delete': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
         * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Remove one or more NICs from a server
     * @description Queues the removal of the listed NICs (each named by its port ID) from the server and
     *     answers with a job ID; poll `showJob` until `status` is `SUCCESS` (or `FAIL`). This is
     *     the call Huawei recommends instead of the discarded `novaDetachServerInterface`. Despite
     *     the verb, the call is a `POST` to `.../nics/delete`.
     *
     *     The server's **primary NIC cannot be removed**: asking for it is refused with `403`.
     *     Whether the port itself is deleted along with the NIC is governed by the NIC's
     *     `delete_on_termination` flag, which `listServerInterfaces` shows.
     */
    post: operations['batchDeleteServerNics'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/{project_id}/cloudservers/{server_id}/os-interface': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
         * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    /**
     * List the NICs of a server
     * @description Returns every NIC attached to the server with its port, network, fixed IPs, MAC address
     *     and state, plus details the Nova-compatible list lacks: whether the port is deleted with
     *     the server (`delete_on_termination`), the guest driver (`driver_mode`), the bandwidth
     *     floor (`min_rate`), the queue count (`multiqueue_num`) and the PCI address in the guest
     *     (`pci_address`). `attachableQuantity.free_nic` tells how many more NICs the server can
     *     take. This is the call Huawei recommends instead of the discarded
     *     `novaListServerInterfaces` and `novaShowServerInterface` (to show one NIC, pick the entry
     *     whose `port_id` matches).
     *
     *     The official SDK declares every field optional. The five fields every NIC has (port,
     *     network, fixed IPs, MAC, state) are required here, as in Huawei's examples; the others
     *     may be absent.
     */
    get: operations['listServerInterfaces'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/{project_id}/jobs/{job_id}': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the job, as returned by a batch NIC call (32 hex digits in practice, not a UUID). Restricted to URL-unreserved characters.
         * @example ff80808288d41e1b018990260955686a
         */
        job_id: components['parameters']['JobId'];
      };
      cookie?: never;
    };
    /**
     * Show the status of an asynchronous job
     * @description Returns the state of a job started by `batchAddServerNics` or `batchDeleteServerNics`
     *     (or by any other asynchronous ECS call). `status` moves from `INIT` through `RUNNING` to
     *     `SUCCESS` or `FAIL`; only the last two are final. A batch NIC job has one sub-job per NIC
     *     under `entities.sub_jobs`, each with its own status and, in `entities.nic_id`, the NIC it
     *     concerns. On failure `error_code` and `fail_reason` say why (both are `null` on success).
     *
     *     Times are UTC timestamps such as `2016-04-25T20:04:47.591Z`. Huawei does not document the
     *     `job_type` values of NIC jobs; the ones in the examples are illustrative.
     */
    get: operations['showJob'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v2.1/{project_id}/servers/{server_id}/os-interface': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
        /**
         * @description Requested compute microversion in the legacy form `2.X` (or `latest`). Without it (and without `OpenStack-API-Version`) the service uses 2.1, which is what this document describes. cloud-nic does not send it on the NIC calls.
         * @example 2.1
         */
        'X-OpenStack-Nova-API-Version'?: components['parameters']['NovaApiVersionLegacyHeader'];
        /**
         * @description Requested compute microversion in the newer form `compute 2.X` (or `compute latest`), understood from microversion 2.27 on. Send either this header or the legacy one.
         * @example compute 2.1
         */
        'OpenStack-API-Version'?: components['parameters']['OpenStackApiVersionHeader'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
         * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    /**
     * List the interfaces of a server (Nova-compatible, discarded)
     * @deprecated
     * @description **Discarded by Huawei; use `listServerInterfaces`** (`GET /v1/{project_id}/cloudservers/{server_id}/os-interface`),
     *     which returns the same list plus driver, queue and capacity details.
     *
     *     Returns the server's interfaces in the upstream Nova `os-interface` format: port, network,
     *     fixed IPs, MAC address and port state for each.
     */
    get: operations['novaListServerInterfaces'];
    put?: never;
    /**
     * Attach an interface to a server (Nova-compatible, discarded)
     * @deprecated
     * @description **Discarded by Huawei; use `batchAddServerNics`** (`POST /v1/{project_id}/cloudservers/{server_id}/nics`)
     *     and poll `showJob`.
     *
     *     Attaches one NIC to the server, in one of two forms inside the required
     *     `interfaceAttachment` wrapper:
     *
     *     - **By network:** `net_id`, optionally with `fixed_ips` holding **one** address (Huawei
     *       uses only the first element and rejects a list of two or more).
     *     - **By port:** `port_id` alone.
     *
     *     `port_id` and `net_id` cannot both be given, and `fixed_ips` needs `net_id`; the schema
     *     states both rules. Huawei's SDK lists all three fields as optional, but an attachment
     *     naming neither a port nor a network has no documented meaning on Huawei (upstream Nova
     *     would pick a network by itself, which Huawei does not describe), so this document
     *     requires one of the two. Huawei documents no `tag` field (upstream Nova 2.49+), and none
     *     is accepted.
     *
     *     The answer describes the new interface; its `port_state` is usually still `DOWN`. Poll
     *     `novaShowServerInterface` until it is `ACTIVE`. The status code is not documented by
     *     Huawei; `200` is what Huawei's own Nova client library expects, as upstream Nova sends.
     */
    post: operations['novaAttachServerInterface'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v2.1/{project_id}/servers/{server_id}/os-interface/{port_id}': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
        /**
         * @description Requested compute microversion in the legacy form `2.X` (or `latest`). Without it (and without `OpenStack-API-Version`) the service uses 2.1, which is what this document describes. cloud-nic does not send it on the NIC calls.
         * @example 2.1
         */
        'X-OpenStack-Nova-API-Version'?: components['parameters']['NovaApiVersionLegacyHeader'];
        /**
         * @description Requested compute microversion in the newer form `compute 2.X` (or `compute latest`), understood from microversion 2.27 on. Send either this header or the legacy one.
         * @example compute 2.1
         */
        'OpenStack-API-Version'?: components['parameters']['OpenStackApiVersionHeader'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
         * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
         */
        server_id: components['parameters']['ServerId'];
        /**
         * @description ID of the port that backs the interface (a UUID in practice), as returned in `port_id`. Restricted to URL-unreserved characters.
         * @example ce531f90-199f-48c0-816c-13e38010b442
         */
        port_id: components['parameters']['PortId'];
      };
      cookie?: never;
    };
    /**
     * Show one interface of a server (Nova-compatible, discarded)
     * @deprecated
     * @description **Discarded by Huawei; use `listServerInterfaces`** (`GET /v1/{project_id}/cloudservers/{server_id}/os-interface`)
     *     and pick the entry whose `port_id` matches.
     *
     *     Returns the interface whose port is `port_id`. This is the call to poll after
     *     `novaAttachServerInterface` until `port_state` is `ACTIVE` (other values seen: `BUILD`,
     *     `DOWN`).
     */
    get: operations['novaShowServerInterface'];
    put?: never;
    post?: never;
    /**
     * Detach an interface from a server (Nova-compatible, discarded)
     * @deprecated
     * @description **Discarded by Huawei; use `batchDeleteServerNics`** (`POST /v1/{project_id}/cloudservers/{server_id}/nics/delete`)
     *     and poll `showJob`.
     *
     *     Detaches the interface whose port is `port_id`. The answer has no body and comes before
     *     the detach is complete: poll `novaListServerInterfaces` until the port is gone. Upstream
     *     Nova answers `202`; Huawei's own Nova client library also accepts `204`, so both are
     *     listed.
     *
     *     - The server's **primary NIC cannot be detached** (`403`).
     *     - A port that was attached by `port_id` survives the detach; a port that the attach
     *       created from a `net_id` is deleted with it.
     *     - Some regional editions of Huawei's docs add a `reserve_port` query parameter; it is not
     *       part of the main documentation and not modelled here.
     */
    delete: operations['novaDetachServerInterface'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description Body of `batchAddServerNics`. */
    BatchAddServerNicsRequest: {
      /** @description The NICs to add, one entry per NIC, each in one of the two forms. */
      nics: [
        components['schemas']['BatchAddServerNic'],
        ...components['schemas']['BatchAddServerNic'][],
      ];
    };
    /** @description One NIC to add: a new NIC on a subnet (`subnet_id` and its options) or an existing port (`port_id` alone). A mixed entry is rejected (Huawei would use `port_id` and ignore the rest). */
    BatchAddServerNic:
      | components['schemas']['BatchAddServerNicOnSubnet']
      | components['schemas']['BatchAddServerNicByPort'];
    /**
     * New NIC on a subnet
     * @description Creates a port on the subnet's network and attaches it.
     */
    BatchAddServerNicOnSubnet: {
      /**
       * Format: uuid
       * @description ID of the **network** of a VPC subnet in the server's VPC (the Neutron network ID, shown as `net_id` elsewhere), a UUID as Huawei documents.
       * @example d32019d3-bc6e-4319-9c1d-6722fc136a23
       */
      subnet_id: string;
      /** @description Security groups of the new NIC; the VPC's default applies when absent. */
      security_groups?: components['schemas']['SecurityGroupRef'][];
      /**
       * Format: ipv4
       * @description Fixed IPv4 address for the new NIC, inside the subnet; assigned automatically when absent. (IPv6 addresses are requested with `ipv6_enable`, not here.)
       * @example 192.168.0.27
       */
      ip_address?: string;
      /**
       * @description `true` gives the NIC an IPv6 address as well (the subnet must have IPv6).
       * @example true
       */
      ipv6_enable?: boolean;
      ipv6_bandwidth?: components['schemas']['Ipv6BandwidthRef'];
      port_id?: never;
    };
    /**
     * Existing port
     * @description Attaches a port that already exists. It must be `DOWN` (bound to nothing) and in the server's VPC; its own security groups and addresses are kept.
     */
    BatchAddServerNicByPort: {
      /**
       * Format: uuid
       * @description ID of the port to attach, a UUID as Huawei documents.
       * @example ce531f90-199f-48c0-816c-13e38010b442
       */
      port_id: string;
      subnet_id?: never;
      security_groups?: never;
      ip_address?: never;
      ipv6_enable?: never;
      ipv6_bandwidth?: never;
    };
    /** @description A security group, by ID. */
    SecurityGroupRef: {
      /**
       * @description ID of the security group (a UUID in practice).
       * @example f0ac4394-7e4a-4409-9701-ba8be283dbc3
       */
      id: string;
    };
    /** @description Shared bandwidth to put the NIC's IPv6 address in, by ID. Only meaningful with `ipv6_enable: true`. */
    Ipv6BandwidthRef: {
      /**
       * @description ID of the shared bandwidth.
       * @example 7c2a4b5e-3d19-4a6f-9b1e-0f8d2c6a41b7
       */
      id: string;
    };
    /** @description Body of `batchDeleteServerNics`. */
    BatchDeleteServerNicsRequest: {
      /** @description The NICs to remove, one entry per NIC. */
      nics: [components['schemas']['NicRef'], ...components['schemas']['NicRef'][]];
    };
    /** @description A NIC of the server, named by its port ID. */
    NicRef: {
      /**
       * @description Port ID of the NIC (`port_id` in the list calls). Must not be the primary NIC's port.
       * @example d32019d3-bc6e-4319-9c1d-6722fc136a23
       */
      id: string;
    };
    /** @description Answer of an asynchronous ECS call. */
    JobCreatedResponse: {
      /**
       * @description ID of the job; pass it to `showJob`.
       * @example ff80808288d41e1b018990260955686a
       */
      job_id: string;
    };
    /** @description An asynchronous ECS job and its sub-jobs. */
    Job: {
      status: components['schemas']['JobStatus'];
      entities?: components['schemas']['JobEntities'];
      /**
       * @description ID of the job.
       * @example ff80808288d41e1b018990260955686a
       */
      job_id: string;
      /**
       * @description Kind of job. Huawei documents the field but not the values used by NIC jobs.
       * @example batchAddNics
       */
      job_type?: string;
      /**
       * @description When the job started, UTC (e.g. `2016-04-25T20:04:34.604Z`).
       * @example 2026-03-02T08:15:03.871Z
       */
      begin_time?: string;
      /**
       * @description When the job ended, UTC; absent (or empty) while it runs.
       * @example 2026-03-02T08:15:22.006Z
       */
      end_time?: string;
      /**
       * @description Error code when the job failed; `null` after success.
       * @example Ecs.0114
       */
      error_code?: string | null;
      /**
       * @description Why the job failed; `null` after success.
       * @example the NIC is not attached to the server
       */
      fail_reason?: string | null;
      /**
       * @description Error code when the status query itself went wrong (rare; see the error responses).
       * @example Ecs.0114
       */
      code?: string;
      /**
       * @description Error message when the status query itself went wrong.
       * @example job not found
       */
      message?: string;
    };
    /**
     * @description State of a job or sub-job: `INIT` (being set up), `RUNNING`, `SUCCESS` or `FAIL`. Only the last two are final.
     * @example SUCCESS
     * @enum {string}
     */
    JobStatus: 'INIT' | 'RUNNING' | 'SUCCESS' | 'FAIL';
    /** @description What the job works on. A batch NIC job lists one sub-job per NIC; a job on a single resource may name it directly with `server_id` or `nic_id`. */
    JobEntities: {
      /**
       * @description The server, for server-level jobs.
       * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
       */
      server_id?: string;
      /**
       * @description The NIC (port ID), for NIC-level jobs.
       * @example ce531f90-199f-48c0-816c-13e38010b442
       */
      nic_id?: string;
      /**
       * @description Number of sub-jobs.
       * @example 1
       */
      sub_jobs_total?: number;
      /** @description The sub-jobs, one per NIC for a batch NIC job. */
      sub_jobs?: components['schemas']['SubJob'][];
    };
    /** @description One sub-job of a job. */
    SubJob: {
      status?: components['schemas']['JobStatus'];
      entities?: components['schemas']['SubJobEntities'];
      /**
       * @description ID of the sub-job.
       * @example ff80808288d41e1b018990260955686b
       */
      job_id?: string;
      /**
       * @description Kind of sub-job (values for NICs not documented).
       * @example addNic
       */
      job_type?: string;
      /**
       * @description When the sub-job started, UTC.
       * @example 2026-03-02T08:15:04.112Z
       */
      begin_time?: string;
      /**
       * @description When the sub-job ended, UTC; absent (or empty) while it runs.
       * @example 2026-03-02T08:15:21.540Z
       */
      end_time?: string;
      /**
       * @description Error code when the sub-job failed; `null` after success.
       * @example Ecs.0114
       */
      error_code?: string | null;
      /**
       * @description Why the sub-job failed; `null` after success.
       * @example the NIC is not attached to the server
       */
      fail_reason?: string | null;
    };
    /** @description What a sub-job works on. */
    SubJobEntities: {
      /**
       * @description The server the sub-job concerns.
       * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
       */
      server_id?: string;
      /**
       * @description The NIC (port ID) the sub-job concerns, for NIC operations.
       * @example ce531f90-199f-48c0-816c-13e38010b442
       */
      nic_id?: string;
      /**
       * @description Why the sub-job failed, when it did.
       * @example the NIC is not attached to the server
       */
      errorcode_message?: string;
    };
    /** @description Answer of `listServerInterfaces`. */
    ServerInterfaceList: {
      attachableQuantity?: components['schemas']['InterfaceAttachableQuantity'];
      /** @description The server's NICs. */
      interfaceAttachments: components['schemas']['ServerInterface'][];
    };
    /** @description How many more NICs the server can take. */
    InterfaceAttachableQuantity: {
      /**
       * @description Number of NICs that can still be attached.
       * @example 10
       */
      free_nic?: number;
    };
    /** @description One NIC of a server, as the native v1 list returns it. */
    ServerInterface: {
      /**
       * @description State of the port: `ACTIVE`, `BUILD` or `DOWN` have been documented; the set is not closed here.
       * @example ACTIVE
       */
      port_state: string;
      /** @description Private IP addresses of the NIC. */
      fixed_ips: components['schemas']['InterfaceFixedIp'][];
      /**
       * @description Network the port belongs to (the value `batchAddServerNics` takes as `subnet_id`).
       * @example d32019d3-bc6e-4319-9c1d-6722fc136a23
       */
      net_id: string;
      /**
       * @description ID of the port; names the NIC in the other calls.
       * @example ce531f90-199f-48c0-816c-13e38010b442
       */
      port_id: string;
      /**
       * @description MAC address, six colon-separated hex pairs (format `mac-address`).
       * @example fa:16:3e:63:75:b2
       */
      mac_addr: string;
      /**
       * @description Whether the port is deleted when the NIC is detached from the server.
       * @example false
       */
      delete_on_termination?: boolean;
      /**
       * @description NIC driver seen by the guest OS, `virtio` (default) or `hinic`.
       * @example virtio
       */
      driver_mode?: string;
      /**
       * @description Lower bound of the NIC's bandwidth.
       * @example 0
       */
      min_rate?: number;
      /**
       * @description Number of NIC queues.
       * @example 2
       */
      multiqueue_num?: number;
      /**
       * @description PCI address (BDF) of the NIC inside a Linux guest.
       * @example 0000:00:0d.0
       */
      pci_address?: string;
    };
    /** @description A private IP address of a NIC, with its subnet. */
    InterfaceFixedIp: {
      /**
       * @description The IPv4 or IPv6 address.
       * @example 10.0.1.11
       */
      ip_address: string;
      /**
       * @description ID of the subnet the address belongs to.
       * @example d9cfef77-0151-4c2a-9ed5-d951ada8adf3
       */
      subnet_id: string;
    };
    /** @description Body of `novaAttachServerInterface`; the wrapper key is required. */
    NovaAttachServerInterfaceRequest: {
      interfaceAttachment: components['schemas']['NovaInterfaceAttachmentCreate'];
    };
    /** @description The interface to attach: by network (`net_id`, optional `fixed_ips`) or by port (`port_id` alone). `port_id` with `net_id`, `fixed_ips` without `net_id`, and an empty object are rejected. */
    NovaInterfaceAttachmentCreate:
      components['schemas']['NovaAttachByNetwork'] | components['schemas']['NovaAttachByPort'];
    /**
     * By network
     * @description Creates a port on the network and attaches it.
     */
    NovaAttachByNetwork: {
      /**
       * Format: uuid
       * @description ID of the network (a UUID; upstream Nova validates it as one, and Huawei's v2.1 API is Nova-compatible).
       * @example 3cb9bc59-5699-4588-a4b1-b87f96708bc6
       */
      net_id: string;
      /** @description At most one fixed IP for the new port (Huawei uses only the first element and rejects two or more); omit it for an automatic address. */
      fixed_ips?: [] | [components['schemas']['NovaFixedIpRequest']];
      port_id?: never;
    };
    /**
     * By port
     * @description Attaches an existing port; no network and no fixed IP may be given.
     */
    NovaAttachByPort: {
      /**
       * Format: uuid
       * @description ID of the port to attach (a UUID, as upstream Nova validates).
       * @example ce531f90-199f-48c0-816c-13e38010b442
       */
      port_id: string;
      net_id?: never;
      fixed_ips?: never;
    };
    /** @description A fixed IP requested for a new port. */
    NovaFixedIpRequest: {
      ip_address: components['schemas']['IpAddress'];
    };
    /**
     * @description An IPv4 or IPv6 address, as a JSON string (the two formats are disjoint, so exactly one branch matches).
     * @example 192.168.1.3
     */
    IpAddress: string;
    /** @description Answer of `novaAttachServerInterface` and `novaShowServerInterface`. */
    NovaInterfaceAttachmentResponse: {
      interfaceAttachment: components['schemas']['NovaInterfaceAttachment'];
    };
    /** @description Answer of `novaListServerInterfaces`. */
    NovaInterfaceAttachmentList: {
      /** @description The server's interfaces. */
      interfaceAttachments: components['schemas']['NovaInterfaceAttachment'][];
    };
    /** @description One interface in the Nova format. All five fields are always present. */
    NovaInterfaceAttachment: {
      /**
       * @description State of the port: `DOWN` right after attach, then `ACTIVE`; `BUILD` has also been documented. The set is not closed here.
       * @example ACTIVE
       */
      port_state: string;
      /** @description Private IP addresses of the port. */
      fixed_ips: components['schemas']['InterfaceFixedIp'][];
      /**
       * @description ID of the port; names the interface in show and detach.
       * @example ce531f90-199f-48c0-816c-13e38010b442
       */
      port_id: string;
      /**
       * @description ID of the network the port belongs to.
       * @example 0dc714fa-9022-4a03-bb22-9821a396bb9d
       */
      net_id: string;
      /**
       * @description MAC address, six colon-separated hex pairs (format `mac-address`).
       * @example fa:16:3e:63:75:b2
       */
      mac_addr: string;
    };
    /** @description The compute API version document. */
    ComputeVersionList: {
      /** @description One entry per API version (`v2.0`, `v2.1`). */
      versions: components['schemas']['ComputeVersion'][];
    };
    /** @description One compute API version and, for v2.1, its microversion range. */
    ComputeVersion: {
      /**
       * @description Name of the version, e.g. `v2.1`.
       * @example v2.1
       */
      id: string;
      /** @description Links to the version's root. */
      links: components['schemas']['VersionLink'][];
      /**
       * @description Lowest microversion, or an empty string when the version has none.
       * @example 2.1
       */
      min_version: string;
      /**
       * @description `CURRENT` (preferred), `SUPPORTED` (older, still served) or `DEPRECATED`.
       * @example CURRENT
       * @enum {string}
       */
      status: 'CURRENT' | 'SUPPORTED' | 'DEPRECATED';
      /**
       * @description A fixed date string of the version (informative only).
       * @example 2013-07-23T11:33:21Z
       */
      updated: string;
      /**
       * @description Highest microversion, or an empty string when the version has none.
       * @example 2.60
       */
      version: string;
    };
    /** @description A link of a version entry. */
    VersionLink: {
      /**
       * @description Link target.
       * @example https://ecs.cn-north-4.myhuaweicloud.com/v2.1/
       */
      href: string;
      /**
       * @description Link relation, e.g. `self`.
       * @example self
       */
      rel: string;
    };
    /**
     * ECS service error
     * @description Error body of the ECS service: `{"error": {code, message, details?}}`. Documented for the native v1 API; may also come from the v2.1 API.
     */
    EcsError: {
      error: components['schemas']['EcsErrorBody'];
      error_code?: never;
      error_msg?: never;
    };
    /** @description The error itself. */
    EcsErrorBody: {
      /**
       * @description ECS error code, `Ecs.` and four digits, e.g. `Ecs.0005` (bad request body).
       * @example Ecs.0005
       */
      code: string;
      /**
       * @description Human-readable message.
       * @example request body is illegal.
       */
      message: string;
      /** @description Further errors, when the service gives them. */
      details?: components['schemas']['EcsErrorDetail'][];
    };
    /** @description One further error. */
    EcsErrorDetail: {
      /**
       * @description Error code of this detail.
       * @example Ecs.0005
       */
      code?: string;
      /**
       * @description Message of this detail.
       * @example invalid ip_address
       */
      message?: string;
    };
    /**
     * API gateway error
     * @description Flat error body of Huawei's API gateway, which answers before the ECS service for signature failures (401), throttling (429) and unknown APIs. Codes start with `APIGW.` or `APIG.`.
     */
    ApiGatewayError: {
      /**
       * @description Gateway error code, e.g. `APIGW.0301` (signature check failed).
       * @example APIGW.0301
       */
      error_code: string;
      /**
       * @description Human-readable message. For a signature failure it may include the gateway's canonical request, with `|` in place of newlines, which helps to debug a signer.
       * @example Incorrect IAM authentication information: verify aksk signature fail
       */
      error_msg: string;
      /**
       * @description ID of the request at the gateway; quote it to Huawei support.
       * @example a6d7c4b2e3f14c0d9e8f7a6b5c4d3e2f
       */
      request_id?: string;
      error?: never;
    };
    /**
     * Nova fault
     * @description Upstream Nova's error body: one key naming the fault (`badRequest`, `itemNotFound`, `forbidden`, `conflictingRequest`, `computeFault`, ...) holding `{code, message}`. Huawei documents no v2.1 error body; this shape is the upstream one.
     */
    NovaFault: {
      [key: string]: components['schemas']['NovaFaultBody'];
    };
    /** @description The fault itself. */
    NovaFaultBody: {
      /**
       * @description The HTTP status code again.
       * @example 404
       */
      code: number;
      /**
       * @description Human-readable message.
       * @example Port ce531f90-199f-48c0-816c-13e38010b442 is not attached
       */
      message: string;
    };
    /** @description Any error body of a native v1 call: an ECS service error or an API gateway error. */
    EcsApiError: components['schemas']['EcsError'] | components['schemas']['ApiGatewayError'];
    /** @description Any error body of a Nova-compatible v2.1 call: a Nova fault, an ECS service error or an API gateway error (Huawei documents none of them for v2.1, so all three are accepted). */
    NovaApiError:
      | components['schemas']['NovaFault']
      | components['schemas']['EcsError']
      | components['schemas']['ApiGatewayError'];
  };
  responses: {
    /** @description The request is invalid (for example a malformed body or an unknown field). */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['EcsApiError'];
      };
    };
    /** @description The API gateway refused the signature: wrong key, wrong canonical request, or an `X-Sdk-Date` more than 15 minutes off. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ApiGatewayError'];
      };
    };
    /** @description The caller lacks the IAM permission for the action, or the action is not allowed. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['EcsApiError'];
      };
    };
    /** @description The request would remove the server's primary NIC, which is not allowed; or the caller lacks the permission. */
    PrimaryNicForbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['EcsApiError'];
      };
    };
    /** @description The server (or a NIC named in the body) does not exist in the project. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['EcsApiError'];
      };
    };
    /** @description No job with this ID exists in the project. */
    JobNotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['EcsApiError'];
      };
    };
    /** @description The request conflicts with the server's current state (for example another operation is in progress on it). */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['EcsApiError'];
      };
    };
    /** @description A rate limit of the API gateway was hit. Wait a few seconds and retry with backoff. */
    TooManyRequests: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ApiGatewayError'];
      };
    };
    /** @description The service failed to handle the request. */
    InternalServerError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['EcsApiError'];
      };
    };
    /** @description The service is temporarily unavailable; retry later. */
    ServiceUnavailable: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['EcsApiError'];
      };
    };
    /** @description The request is invalid (for example two fixed IPs, or `port_id` with `net_id`). */
    NovaBadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaApiError'];
      };
    };
    /** @description The caller lacks the IAM permission for the action. */
    NovaForbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaApiError'];
      };
    };
    /** @description The port is the server's primary NIC, which cannot be detached; or the caller lacks the permission. */
    NovaPrimaryNicForbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaApiError'];
      };
    };
    /** @description The server or the interface does not exist. */
    NovaNotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaApiError'];
      };
    };
    /** @description The server's state does not allow the operation now (for example it is being resized or another interface operation is running). */
    NovaConflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaApiError'];
      };
    };
    /** @description The requested microversion is outside the range the endpoint supports (`GET /` advertises it). Nova answers 406 with a `computeFault` naming the range; clients re-read the version document and retry once with a supported version. */
    NovaNotAcceptable: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaApiError'];
      };
    };
    /** @description The service failed to handle the request. */
    NovaInternalServerError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaApiError'];
      };
    };
    /** @description The service is temporarily unavailable; retry later. */
    NovaServiceUnavailable: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NovaApiError'];
      };
    };
  };
  parameters: {
    /**
     * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
     * @example 77b6a44cba5143ab91d13ab9a8ff44fd
     */
    ProjectId: string;
    /**
     * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
     * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
     */
    ServerId: string;
    /**
     * @description ID of the port that backs the interface (a UUID in practice), as returned in `port_id`. Restricted to URL-unreserved characters.
     * @example ce531f90-199f-48c0-816c-13e38010b442
     */
    PortId: string;
    /**
     * @description ID of the job, as returned by a batch NIC call (32 hex digits in practice, not a UUID). Restricted to URL-unreserved characters.
     * @example ff80808288d41e1b018990260955686a
     */
    JobId: string;
    /**
     * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
     * @example 20191115T033655Z
     */
    XSdkDate: string;
    /**
     * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
     * @example 77b6a44cba5143ab91d13ab9a8ff44fd
     */
    XProjectId: string;
    /**
     * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
     * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
     */
    XSecurityToken: string;
    /**
     * @description Requested compute microversion in the legacy form `2.X` (or `latest`). Without it (and without `OpenStack-API-Version`) the service uses 2.1, which is what this document describes. cloud-nic does not send it on the NIC calls.
     * @example 2.1
     */
    NovaApiVersionLegacyHeader: string;
    /**
     * @description Requested compute microversion in the newer form `compute 2.X` (or `compute latest`), understood from microversion 2.27 on. Send either this header or the legacy one.
     * @example compute 2.1
     */
    OpenStackApiVersionHeader: string;
  };
  requestBodies: never;
  headers: {
    /**
     * @description The compute microversion that served the request, legacy form (`2.1` when none was asked for).
     * @example 2.1
     */
    NovaApiVersionLegacyEcho: string;
    /**
     * @description The compute microversion that served the request, newer form (`compute 2.1` when none was asked for).
     * @example compute 2.1
     */
    OpenStackApiVersionEcho: string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listComputeVersions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The compute API versions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ComputeVersionList'];
        };
      };
      401: components['responses']['Unauthorized'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  batchAddServerNics: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
         * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    /** @description The NICs to add, at least one. */
    requestBody: {
      content: {
        'application/json': components['schemas']['BatchAddServerNicsRequest'];
      };
    };
    responses: {
      /** @description The job was created; poll `showJob` with its ID. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobCreatedResponse'];
        };
      };
      /** @description The job was accepted while the system is busy and will start late; poll `showJob` as for 200. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobCreatedResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  batchDeleteServerNics: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
         * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    /** @description The NICs to remove, at least one. */
    requestBody: {
      content: {
        'application/json': components['schemas']['BatchDeleteServerNicsRequest'];
      };
    };
    responses: {
      /** @description The job was created; poll `showJob` with its ID. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobCreatedResponse'];
        };
      };
      /** @description The job was accepted while the system is busy and will start late; poll `showJob` as for 200. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobCreatedResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['PrimaryNicForbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  listServerInterfaces: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
         * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The server's NICs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServerInterfaceList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  showJob: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the job, as returned by a batch NIC call (32 hex digits in practice, not a UUID). Restricted to URL-unreserved characters.
         * @example ff80808288d41e1b018990260955686a
         */
        job_id: components['parameters']['JobId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The job. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['JobNotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  novaListServerInterfaces: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
        /**
         * @description Requested compute microversion in the legacy form `2.X` (or `latest`). Without it (and without `OpenStack-API-Version`) the service uses 2.1, which is what this document describes. cloud-nic does not send it on the NIC calls.
         * @example 2.1
         */
        'X-OpenStack-Nova-API-Version'?: components['parameters']['NovaApiVersionLegacyHeader'];
        /**
         * @description Requested compute microversion in the newer form `compute 2.X` (or `compute latest`), understood from microversion 2.27 on. Send either this header or the legacy one.
         * @example compute 2.1
         */
        'OpenStack-API-Version'?: components['parameters']['OpenStackApiVersionHeader'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
         * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
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
          'X-OpenStack-Nova-API-Version': components['headers']['NovaApiVersionLegacyEcho'];
          'OpenStack-API-Version': components['headers']['OpenStackApiVersionEcho'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NovaInterfaceAttachmentList'];
        };
      };
      400: components['responses']['NovaBadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['NovaForbidden'];
      404: components['responses']['NovaNotFound'];
      406: components['responses']['NovaNotAcceptable'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['NovaInternalServerError'];
      503: components['responses']['NovaServiceUnavailable'];
    };
  };
  novaAttachServerInterface: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
        /**
         * @description Requested compute microversion in the legacy form `2.X` (or `latest`). Without it (and without `OpenStack-API-Version`) the service uses 2.1, which is what this document describes. cloud-nic does not send it on the NIC calls.
         * @example 2.1
         */
        'X-OpenStack-Nova-API-Version'?: components['parameters']['NovaApiVersionLegacyHeader'];
        /**
         * @description Requested compute microversion in the newer form `compute 2.X` (or `compute latest`), understood from microversion 2.27 on. Send either this header or the legacy one.
         * @example compute 2.1
         */
        'OpenStack-API-Version'?: components['parameters']['OpenStackApiVersionHeader'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
         * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
         */
        server_id: components['parameters']['ServerId'];
      };
      cookie?: never;
    };
    /** @description The interface to attach, by network or by port. */
    requestBody: {
      content: {
        'application/json': components['schemas']['NovaAttachServerInterfaceRequest'];
      };
    };
    responses: {
      /** @description The interface is attached; its port may still be `DOWN`. */
      200: {
        headers: {
          'X-OpenStack-Nova-API-Version': components['headers']['NovaApiVersionLegacyEcho'];
          'OpenStack-API-Version': components['headers']['OpenStackApiVersionEcho'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NovaInterfaceAttachmentResponse'];
        };
      };
      400: components['responses']['NovaBadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['NovaForbidden'];
      404: components['responses']['NovaNotFound'];
      406: components['responses']['NovaNotAcceptable'];
      409: components['responses']['NovaConflict'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['NovaInternalServerError'];
      503: components['responses']['NovaServiceUnavailable'];
    };
  };
  novaShowServerInterface: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
        /**
         * @description Requested compute microversion in the legacy form `2.X` (or `latest`). Without it (and without `OpenStack-API-Version`) the service uses 2.1, which is what this document describes. cloud-nic does not send it on the NIC calls.
         * @example 2.1
         */
        'X-OpenStack-Nova-API-Version'?: components['parameters']['NovaApiVersionLegacyHeader'];
        /**
         * @description Requested compute microversion in the newer form `compute 2.X` (or `compute latest`), understood from microversion 2.27 on. Send either this header or the legacy one.
         * @example compute 2.1
         */
        'OpenStack-API-Version'?: components['parameters']['OpenStackApiVersionHeader'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
         * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
         */
        server_id: components['parameters']['ServerId'];
        /**
         * @description ID of the port that backs the interface (a UUID in practice), as returned in `port_id`. Restricted to URL-unreserved characters.
         * @example ce531f90-199f-48c0-816c-13e38010b442
         */
        port_id: components['parameters']['PortId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The interface. */
      200: {
        headers: {
          'X-OpenStack-Nova-API-Version': components['headers']['NovaApiVersionLegacyEcho'];
          'OpenStack-API-Version': components['headers']['OpenStackApiVersionEcho'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NovaInterfaceAttachmentResponse'];
        };
      };
      400: components['responses']['NovaBadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['NovaForbidden'];
      404: components['responses']['NovaNotFound'];
      406: components['responses']['NovaNotAcceptable'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['NovaInternalServerError'];
      503: components['responses']['NovaServiceUnavailable'];
    };
  };
  novaDetachServerInterface: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Signing time in UTC, `YYYYMMDDTHHMMSSZ`. It is also the second line of the string to sign (see the `HuaweiAkSk` scheme); the gateway refuses a value more than 15 minutes off. cloud-nic's signing middleware sets it.
         * @example 20191115T033655Z
         */
        'X-Sdk-Date': components['parameters']['XSdkDate'];
        /**
         * @description The project ID again, as the official SDKs send it for project-level services. Not needed by ECS (the path has it) but harmless; signed like any other header when sent.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        'X-Project-Id'?: components['parameters']['XProjectId'];
        /**
         * @description Security token of a temporary AK/SK pair (from IAM's temporary-credential API). Required with temporary credentials, absent otherwise; signed when present.
         * @example gQpjbi1ub3J0aC00joDSUE9HwcSdJOnkk9wEvNExampleOnlyTruncated
         */
        'X-Security-Token'?: components['parameters']['XSecurityToken'];
        /**
         * @description Requested compute microversion in the legacy form `2.X` (or `latest`). Without it (and without `OpenStack-API-Version`) the service uses 2.1, which is what this document describes. cloud-nic does not send it on the NIC calls.
         * @example 2.1
         */
        'X-OpenStack-Nova-API-Version'?: components['parameters']['NovaApiVersionLegacyHeader'];
        /**
         * @description Requested compute microversion in the newer form `compute 2.X` (or `compute latest`), understood from microversion 2.27 on. Send either this header or the legacy one.
         * @example compute 2.1
         */
        'OpenStack-API-Version'?: components['parameters']['OpenStackApiVersionHeader'];
      };
      path: {
        /**
         * @description ID of the IAM project (one region of one account) that owns the server: 32 lower-case hex digits in practice. Restricted to URL-unreserved characters, which the signature's canonical URI requires to be stable across SDKs.
         * @example 77b6a44cba5143ab91d13ab9a8ff44fd
         */
        project_id: components['parameters']['ProjectId'];
        /**
         * @description ID of the ECS (a UUID in practice). Restricted to URL-unreserved characters.
         * @example 9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31
         */
        server_id: components['parameters']['ServerId'];
        /**
         * @description ID of the port that backs the interface (a UUID in practice), as returned in `port_id`. Restricted to URL-unreserved characters.
         * @example ce531f90-199f-48c0-816c-13e38010b442
         */
        port_id: components['parameters']['PortId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Detach accepted. No body. */
      202: {
        headers: {
          'X-OpenStack-Nova-API-Version': components['headers']['NovaApiVersionLegacyEcho'];
          'OpenStack-API-Version': components['headers']['OpenStackApiVersionEcho'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Detach accepted (the code Huawei's own Nova client also accepts). No body. */
      204: {
        headers: {
          'X-OpenStack-Nova-API-Version': components['headers']['NovaApiVersionLegacyEcho'];
          'OpenStack-API-Version': components['headers']['OpenStackApiVersionEcho'];
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['NovaBadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['NovaPrimaryNicForbidden'];
      404: components['responses']['NovaNotFound'];
      406: components['responses']['NovaNotAcceptable'];
      409: components['responses']['NovaConflict'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['NovaInternalServerError'];
      503: components['responses']['NovaServiceUnavailable'];
    };
  };
}
