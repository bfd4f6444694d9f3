export interface paths {
  '/virtual_machines/virtual_machine/network_interfaces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a virtual machine's network interfaces
     * @description Returns one page of the NICs of a virtual machine, in a short form (no MAC address, state or
     *     speed profile; use `getVirtualMachineNetworkInterface` for those). Give the virtual machine
     *     with exactly one of `virtual_machine[id]` or `virtual_machine[fqdn]`.
     */
    get: operations['listVirtualMachineNetworkInterfaces'];
    put?: never;
    /**
     * Create a network interface
     * @description Creates a new NIC for a virtual machine on either a network or a virtual network, with the
     *     given speed profile. The NIC is not connected yet: call
     *     `attachVirtualMachineNetworkInterface` next and wait for its task. The answer is 200 (not 201)
     *     with the new NIC.
     *
     *     The body needs `virtual_machine`, `speed_profile`, and exactly one of `network` or
     *     `virtual_network`; each of them is a lookup with exactly one key.
     */
    post: operations['createVirtualMachineNetworkInterface'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/virtual_machines/virtual_machine/networks/network/interface': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Show the network interface a virtual machine has on a network
     * @description Returns the NIC that connects a virtual machine to a given network. Give the virtual machine
     *     with exactly one of `virtual_machine[id]` or `virtual_machine[fqdn]`, and the network with
     *     exactly one of `network[id]` or `network[permalink]`. Virtual networks cannot be looked up
     *     this way.
     */
    get: operations['getVirtualMachineNetworkInterfaceByNetwork'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/virtual_machine_network_interfaces/virtual_machine_network_interface': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Show a network interface
     * @description Returns the full details of one NIC, including its MAC address, attachment state, IP
     *     addresses and speed profile. Give the NIC with `virtual_machine_network_interface[id]`.
     */
    get: operations['getVirtualMachineNetworkInterface'];
    put?: never;
    post?: never;
    /**
     * Delete a network interface
     * @description Deletes a NIC and answers with the NIC as it was. The NIC is named in a JSON body (a
     *     `DELETE` with a body, sent with `Content-Type: application/json`). Katapult may refuse with
     *     409 `deletion_restricted` while other objects still depend on the NIC; `detail.errors` says
     *     which.
     */
    delete: operations['deleteVirtualMachineNetworkInterface'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/virtual_machine_network_interfaces/virtual_machine_network_interface/attach': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Attach a network interface to its virtual machine
     * @description Queues a task that connects the NIC to the virtual machine it was created for, and answers
     *     at once with the NIC and that task. The NIC is attached once the task's `status` is
     *     `completed`; poll `getTask` until it is `completed` or `failed`. Attaching a NIC that is
     *     already attached gives 422 `virtual_machine_network_interface_already_attached`.
     */
    post: operations['attachVirtualMachineNetworkInterface'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/virtual_machine_network_interfaces/virtual_machine_network_interface/detach': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Detach a network interface from its virtual machine
     * @description Queues a task that disconnects the NIC from its virtual machine, and answers at once with the
     *     NIC and that task. Poll `getTask` until the task is `completed` or `failed`. A NIC that is not
     *     attached gives 422 with `virtual_machine_network_interface_already_detached` or
     *     `virtual_machine_network_interface_not_attached`; treat both as "already detached".
     */
    post: operations['detachVirtualMachineNetworkInterface'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tasks/task': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Show a task
     * @description Returns the current state of a background task, such as the ones attach and detach return.
     *     Poll it (a few seconds apart, mindful of the per-minute rate limit) until `status` is
     *     `completed` or `failed`. Give the task with `task[id]`.
     */
    get: operations['getTask'];
    put?: never;
    post?: never;
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
    /**
     * @description Names a virtual machine by exactly one of `id` or `fqdn`. An object with both keys is
     *     rejected (400 `invalid_argument`, issue `ambiguous_lookup_values`), and so is an empty one.
     */
    VirtualMachineLookup:
      | components['schemas']['VirtualMachineLookupById']
      | components['schemas']['VirtualMachineLookupByFqdn'];
    /**
     * Virtual machine by ID
     * @description Names the virtual machine by its ID.
     */
    VirtualMachineLookupById: {
      /**
       * @description ID of the virtual machine (`vm_` followed by letters and digits).
       * @example vm_WNGeJJrnNqnT3tTU
       */
      id: string;
      fqdn?: never;
    };
    /**
     * Virtual machine by FQDN
     * @description Names the virtual machine by its fully qualified host name.
     */
    VirtualMachineLookupByFqdn: {
      id?: never;
      /**
       * @description Fully qualified host name of the virtual machine.
       * @example bitter-beautiful-mango.acme.example
       */
      fqdn: string;
    };
    /** @description Names a network by exactly one of `id` or `permalink`. */
    NetworkLookup:
      | components['schemas']['NetworkLookupById']
      | components['schemas']['NetworkLookupByPermalink'];
    /**
     * Network by ID
     * @description Names the network by its ID.
     */
    NetworkLookupById: {
      /**
       * @description ID of the network (`netw_` followed by letters and digits).
       * @example netw_zDW7KYAeqqfRfVag
       */
      id: string;
      permalink?: never;
    };
    /**
     * Network by permalink
     * @description Names the network by its permalink.
     */
    NetworkLookupByPermalink: {
      id?: never;
      /**
       * @description Permalink of the network.
       * @example uk-lon-01-public
       */
      permalink: string;
    };
    /** @description Names a virtual network by its ID, the only key this lookup has (no name, no permalink). */
    VirtualNetworkLookup: {
      /**
       * @description ID of the virtual network.
       * @example vnet_6wVHb0nkJ1oSgFQe
       */
      id: string;
    };
    /** @description Names a network speed profile by exactly one of `id` or `permalink`. */
    NetworkSpeedProfileLookup:
      | components['schemas']['NetworkSpeedProfileLookupById']
      | components['schemas']['NetworkSpeedProfileLookupByPermalink'];
    /**
     * Speed profile by ID
     * @description Names the speed profile by its ID.
     */
    NetworkSpeedProfileLookupById: {
      /**
       * @description ID of the speed profile (`nsp_` followed by letters and digits).
       * @example nsp_Yd8ZJ5Tk3fCqX1aB
       */
      id: string;
      permalink?: never;
    };
    /**
     * Speed profile by permalink
     * @description Names the speed profile by its permalink.
     */
    NetworkSpeedProfileLookupByPermalink: {
      id?: never;
      /**
       * @description Permalink of the speed profile, such as `1gbps` or `10gbps`.
       * @example 1gbps
       */
      permalink: string;
    };
    /** @description Names a network interface by its ID, the only key this lookup has. */
    VirtualMachineNetworkInterfaceLookup: {
      /**
       * @description ID of the network interface (`vmnet_` followed by letters and digits).
       * @example vmnet_KxKhb8M7jpN8hTBL
       */
      id: string;
    };
    /**
     * @description Body of `createVirtualMachineNetworkInterface`: the virtual machine, the speed profile, and
     *     exactly one of `network` (a public or private network of the data center) or
     *     `virtual_network` (one of the organization's virtual networks). Krystal's document requires
     *     neither of the two; the either-or rule is inferred from how Krystal's own tools call this
     *     endpoint.
     */
    CreateNetworkInterfaceRequest:
      | components['schemas']['CreateNetworkInterfaceOnNetwork']
      | components['schemas']['CreateNetworkInterfaceOnVirtualNetwork'];
    /**
     * On a network
     * @description Creates the NIC on a network.
     */
    CreateNetworkInterfaceOnNetwork: {
      /** @description The virtual machine that gets the NIC. */
      virtual_machine: components['schemas']['VirtualMachineLookup'];
      /** @description The network to connect the NIC to. */
      network: components['schemas']['NetworkLookup'];
      virtual_network?: never;
      /** @description The speed profile that caps the NIC's bandwidth. */
      speed_profile: components['schemas']['NetworkSpeedProfileLookup'];
    };
    /**
     * On a virtual network
     * @description Creates the NIC on one of the organization's virtual networks.
     */
    CreateNetworkInterfaceOnVirtualNetwork: {
      /** @description The virtual machine that gets the NIC. */
      virtual_machine: components['schemas']['VirtualMachineLookup'];
      network?: never;
      /** @description The virtual network to connect the NIC to. */
      virtual_network: components['schemas']['VirtualNetworkLookup'];
      /** @description The speed profile that caps the NIC's bandwidth. */
      speed_profile: components['schemas']['NetworkSpeedProfileLookup'];
    };
    /** @description Body of delete, attach and detach, naming the network interface to act on. */
    NetworkInterfaceLookupRequest: {
      /** @description The network interface to act on. */
      virtual_machine_network_interface: components['schemas']['VirtualMachineNetworkInterfaceLookup'];
    };
    /** @description A network interface of a virtual machine, in full. */
    VirtualMachineNetworkInterface: {
      /**
       * @description ID of the network interface (`vmnet_` followed by letters and digits).
       * @example vmnet_olNAz8ThH0emHvdr
       */
      id: string;
      /** @description The virtual machine the NIC belongs to. */
      virtual_machine: components['schemas']['VirtualMachineReference'];
      /**
       * @description Display name of the NIC.
       * @example Public Network on bitter-beautiful-mango
       */
      name: string;
      /** @description The network the NIC is on, or `null` when it is on a virtual network. */
      network: components['schemas']['NetworkReference'] | null;
      /** @description The virtual network the NIC is on, or `null` when it is on a network. */
      virtual_network: components['schemas']['VirtualNetworkReference'] | null;
      /**
       * @description MAC address, six colon-separated pairs of hex digits (format `mac-address`).
       * @example ee:3c:91:0a:5e:14
       */
      mac_address: string;
      /**
       * @description Whether the NIC is connected to the virtual machine: `attached` or `detached`. Krystal
       *     types it as a free string and other values have been seen once (`_none`), so treat
       *     unknown values as "not attached".
       * @example attached
       * @example detached
       */
      state: string;
      /** @description IP addresses allocated to the NIC. */
      ip_addresses: components['schemas']['IpAddressReference'][];
      /** @description The speed profile applied to the NIC. */
      speed_profile: components['schemas']['SpeedProfileReference'];
    };
    /** @description A network interface in the short form the list endpoint returns. */
    VirtualMachineNetworkInterfaceSummary: {
      /**
       * @description ID of the network interface.
       * @example vmnet_olNAz8ThH0emHvdr
       */
      id: string;
      /**
       * @description Display name of the NIC.
       * @example Public Network on bitter-beautiful-mango
       */
      name: string;
      /** @description The network the NIC is on, or `null` when it is on a virtual network. */
      network: components['schemas']['NetworkReference'] | null;
      /** @description The virtual network the NIC is on, or `null` when it is on a network. */
      virtual_network: components['schemas']['VirtualNetworkReference'] | null;
      /** @description IP addresses allocated to the NIC. */
      ip_addresses: components['schemas']['IpAddressReference'][];
    };
    /** @description The virtual machine a NIC belongs to. */
    VirtualMachineReference: {
      /**
       * @description ID of the virtual machine.
       * @example vm_WNGeJJrnNqnT3tTU
       */
      id: string;
      /**
       * @description Name of the virtual machine.
       * @example bitter-beautiful-mango
       */
      name: string;
    };
    /** @description A network, by ID and name. */
    NetworkReference: {
      /**
       * @description ID of the network.
       * @example netw_zDW7KYAeqqfRfVag
       */
      id: string;
      /**
       * @description Name of the network.
       * @example Public Network
       */
      name: string;
    };
    /** @description A virtual network, by ID and name. */
    VirtualNetworkReference: {
      /**
       * @description ID of the virtual network.
       * @example vnet_6wVHb0nkJ1oSgFQe
       */
      id: string;
      /**
       * @description Name of the virtual network.
       * @example Backend
       */
      name: string;
    };
    /** @description A network speed profile, by ID, name and permalink. */
    SpeedProfileReference: {
      /**
       * @description ID of the speed profile.
       * @example nsp_Rk2VbN7sLq9dMh4T
       */
      id: string;
      /**
       * @description Name of the speed profile.
       * @example 10 Gbps
       */
      name: string;
      /**
       * @description Permalink of the speed profile, usable in lookups.
       * @example 10gbps
       */
      permalink: string;
    };
    /** @description An IP address allocated to a NIC. */
    IpAddressReference: {
      /**
       * @description ID of the IP address (`ip_` followed by letters and digits).
       * @example ip_dLfBzYH1Ft0kl2xS
       */
      id: string;
      /** @description The address itself, IPv4 or IPv6. */
      address: components['schemas']['IpAddressValue'];
    };
    /** @description An IPv4 address in dotted form or an IPv6 address. */
    IpAddressValue: string;
    /** @description A background task. Times are Unix timestamps in seconds. */
    Task: {
      /**
       * @description ID of the task (`task_` followed by letters and digits).
       * @example task_p4Qm1rW8ZcT0vHxN
       */
      id: string;
      /**
       * @description What the task does, in words.
       * @example Attach network interface
       */
      name: string;
      /** @description Where the task is in its life; `completed` and `failed` are final. */
      status: components['schemas']['TaskStatus'];
      /**
       * @description When the task was queued (Unix seconds).
       * @example 1732383012
       */
      created_at: number;
      /**
       * @description When the task started running (Unix seconds), or `null` while it is pending.
       * @example 1732383013
       */
      started_at: number | null;
      /**
       * @description When the task completed or failed (Unix seconds), or `null` while it is not finished.
       * @example 1732383021
       */
      finished_at: number | null;
      /**
       * @description Progress figure Katapult reports for the task. No source gives its unit; decide completion by `status`, not by this number.
       * @example 100
       */
      progress: number;
    };
    /**
     * @description State of a task: `pending` (queued), `running`, `completed` (succeeded) or `failed`. Poll
     *     until it is `completed` or `failed`.
     * @enum {string}
     */
    TaskStatus: 'pending' | 'running' | 'completed' | 'failed';
    /** @description Where a page sits in a paginated list. */
    Pagination: {
      /**
       * @description Number of this page, starting at 1.
       * @example 1
       */
      current_page: number;
      /**
       * @description Number of pages, or `null` when the set is too large to count (`large_set`).
       * @example 1
       */
      total_pages: number | null;
      /**
       * @description Number of items across all pages, or `null` when the set is too large to count.
       * @example 2
       */
      total: number | null;
      /**
       * @description Number of items a page holds.
       * @example 30
       */
      per_page: number;
      /**
       * @description `true` when the set is too large for Katapult to count, in which case `total` and `total_pages` are `null`.
       * @example false
       */
      large_set: boolean;
    };
    /** @description A body holding one network interface. */
    NetworkInterfaceResponse: {
      /** @description The network interface. */
      virtual_machine_network_interface: components['schemas']['VirtualMachineNetworkInterface'];
    };
    /** @description One page of a virtual machine's network interfaces. */
    NetworkInterfaceListResponse: {
      /** @description Position of this page in the whole list. */
      pagination: components['schemas']['Pagination'];
      /** @description The NICs on this page. */
      virtual_machine_network_interfaces: components['schemas']['VirtualMachineNetworkInterfaceSummary'][];
    };
    /** @description The network interface acted on, and the task that carries the change out. */
    NetworkInterfaceTaskResponse: {
      /** @description The NIC as Katapult reports it when the task is queued; rely on the task, not on `state`, to know when the change is done. */
      virtual_machine_network_interface: components['schemas']['VirtualMachineNetworkInterface'];
      /** @description The queued task; poll it with `getTask`. */
      task: components['schemas']['Task'];
    };
    /** @description A body holding one task. */
    TaskResponse: {
      /** @description The task. */
      task: components['schemas']['Task'];
    };
    /** @description No further detail; always an empty object. */
    EmptyErrorDetail: Record<string, never>;
    /** @description A free-text explanation. */
    ErrorMessageDetail: {
      /** @description What went wrong, in words. */
      details: string;
    };
    /** @description An optional free-text explanation. */
    OptionalErrorMessageDetail: {
      /** @description What went wrong, in words, or `null`. */
      details: string | null;
    };
    /** @description The reasons the change was refused. */
    ErrorListDetail: {
      /** @description One message per reason. */
      errors: string[];
    };
    /** @description Where the refused request came from. */
    UnauthorizedNetworkDetail: {
      /** @description The IP address Katapult saw the request come from. */
      ip_address: string;
    };
    /** @description The scopes the endpoint accepts. */
    ScopeNotGrantedDetail: {
      /** @description Scopes that would grant access; any one of them is enough. */
      scopes: string[];
    };
    /** @description Which argument was invalid and why. */
    InvalidArgumentDetail: {
      /** @description Names leading from the top of the arguments to the invalid one. */
      path: string[];
      /** @description Position in the array when the invalid value is an array item, otherwise `null`. */
      index: number | null;
      /** @description The kind of problem. */
      issue: components['schemas']['InvalidArgumentIssue'];
      /** @description Katapult's explanation of the issue kind. */
      issue_description: string | null;
      /** @description Validation messages, when the issue is `validation_error`. */
      errors: string[];
      /** @description The argument that was invalid. */
      argument: components['schemas']['ArgumentDescription'];
    };
    /**
     * @description Why an argument was rejected. `missing_lookup_value`: a lookup object had no key.
     *     `ambiguous_lookup_values`: a lookup object had more than one key. `invalid_scalar`: wrong
     *     type. `parse_error`: the value could not be parsed. `validation_error`: a rule on the
     *     argument failed. `invalid_enum_value`: not one of the allowed values.
     * @enum {string}
     */
    InvalidArgumentIssue:
      | 'missing_lookup_value'
      | 'ambiguous_lookup_values'
      | 'invalid_scalar'
      | 'parse_error'
      | 'validation_error'
      | 'invalid_enum_value';
    /** @description An argument as the API framework describes it. */
    ArgumentDescription: {
      /** @description Internal identifier of the argument. */
      id: string;
      /** @description Name of the argument. */
      name: string;
      /** @description Katapult's description of the argument, or `null`. */
      description: string | null;
    };
    /** @description Which required argument was missing. */
    MissingArgumentDetail: {
      /** @description Names leading from the top of the arguments to the missing one. */
      path: string[];
      /** @description The missing argument. */
      argument: components['schemas']['MissingArgumentDescription'];
    };
    /** @description A missing argument as the API framework describes it. */
    MissingArgumentDescription: {
      /** @description Name of the argument. */
      name: string;
      /** @description Katapult's description of the argument, or `null`. */
      description: string | null;
    };
    /** @description The trash entry of the object that blocked the call. */
    ObjectInTrashDetail: {
      /** @description The trash entry, or `null` if Katapult did not return one. */
      trash_object: components['schemas']['TrashObject'] | null;
    };
    /** @description An object waiting in the trash. */
    TrashObject: {
      /** @description ID of the trash entry. */
      id: string;
      /** @description When the object will be purged for good (Unix seconds). */
      keep_until: number;
      /** @description ID of the trashed object. */
      object_id: string;
      /** @description Kind of the trashed object. */
      object_type: string;
    };
    /** @description The limit that was hit. */
    RateLimitDetail: {
      /** @description How many requests per minute the token may make. */
      total_permitted: number;
    };
    /**
     * missing_api_token
     * @description No token in the `Authorization` header (or not prefixed with `Bearer`).
     */
    MissingApiTokenError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'missing_api_token';
      /** @description Human-readable message. */
      description: string;
      /** @description Always empty. */
      detail: components['schemas']['EmptyErrorDetail'];
    };
    /**
     * invalid_argument
     * @description An argument has the wrong type or value, or a lookup has no key or more than one.
     */
    InvalidArgumentError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'invalid_argument';
      /** @description Human-readable message naming the argument. */
      description: string;
      /** @description Which argument and what is wrong with it. */
      detail: components['schemas']['InvalidArgumentDetail'];
    };
    /**
     * missing_required_argument
     * @description A required argument was not given.
     */
    MissingRequiredArgumentError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'missing_required_argument';
      /** @description Human-readable message naming the argument. */
      description: string;
      /** @description Which argument is missing. */
      detail: components['schemas']['MissingArgumentDetail'];
    };
    /**
     * invalid_json_body
     * @description The body is not valid JSON.
     */
    InvalidJsonBodyError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'invalid_json_body';
      /** @description Human-readable message. */
      description: string;
      /** @description The parser's message. */
      detail: components['schemas']['ErrorMessageDetail'];
    };
    /**
     * unauthorized_network_for_api_token
     * @description The token may not be used from the network the request came from.
     */
    UnauthorizedNetworkForApiTokenError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'unauthorized_network_for_api_token';
      /** @description Human-readable message. */
      description: string;
      /** @description The source address that was refused. */
      detail: components['schemas']['UnauthorizedNetworkDetail'];
    };
    /**
     * invalid_api_token
     * @description The token does not exist or has expired.
     */
    InvalidApiTokenError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'invalid_api_token';
      /** @description Human-readable message. */
      description: string;
      /** @description Optional explanation. */
      detail: components['schemas']['OptionalErrorMessageDetail'];
    };
    /**
     * invalid_capabilities_token
     * @description The capabilities token is invalid, expired or not signed by the right key.
     */
    InvalidCapabilitiesTokenError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'invalid_capabilities_token';
      /** @description Human-readable message. */
      description: string;
      /** @description Always empty. */
      detail: components['schemas']['EmptyErrorDetail'];
    };
    /**
     * scope_not_granted
     * @description The token holds none of the scopes this endpoint accepts.
     */
    ScopeNotGrantedError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'scope_not_granted';
      /** @description Human-readable message. */
      description: string;
      /** @description The scopes that would grant access. */
      detail: components['schemas']['ScopeNotGrantedDetail'];
    };
    /**
     * permission_denied
     * @description The authenticated identity may not perform this action on this object.
     */
    PermissionDeniedError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'permission_denied';
      /** @description Human-readable message. */
      description: string;
      /** @description Optional explanation. */
      detail: components['schemas']['OptionalErrorMessageDetail'];
    };
    /**
     * virtual_machine_not_found
     * @description No virtual machine matches the lookup.
     */
    VirtualMachineNotFoundError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'virtual_machine_not_found';
      /** @description Human-readable message. */
      description: string;
      /** @description Always empty. */
      detail: components['schemas']['EmptyErrorDetail'];
    };
    /**
     * network_not_found
     * @description No network matches the lookup.
     */
    NetworkNotFoundError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'network_not_found';
      /** @description Human-readable message. */
      description: string;
      /** @description Always empty. */
      detail: components['schemas']['EmptyErrorDetail'];
    };
    /**
     * virtual_network_not_found
     * @description No virtual network matches the lookup.
     */
    VirtualNetworkNotFoundError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'virtual_network_not_found';
      /** @description Human-readable message. */
      description: string;
      /** @description Always empty. */
      detail: components['schemas']['EmptyErrorDetail'];
    };
    /**
     * network_speed_profile_not_found
     * @description No network speed profile matches the lookup.
     */
    NetworkSpeedProfileNotFoundError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'network_speed_profile_not_found';
      /** @description Human-readable message. */
      description: string;
      /** @description Always empty. */
      detail: components['schemas']['EmptyErrorDetail'];
    };
    /**
     * virtual_machine_network_interface_not_found
     * @description No network interface matches the lookup.
     */
    VirtualMachineNetworkInterfaceNotFoundError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'virtual_machine_network_interface_not_found';
      /** @description Human-readable message. */
      description: string;
      /** @description Always empty. */
      detail: components['schemas']['EmptyErrorDetail'];
    };
    /**
     * task_not_found
     * @description No task matches the lookup.
     */
    TaskNotFoundError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'task_not_found';
      /** @description Human-readable message. */
      description: string;
      /** @description Always empty. */
      detail: components['schemas']['EmptyErrorDetail'];
    };
    /**
     * object_in_trash
     * @description The object was found but is in the trash; restore it first.
     */
    ObjectInTrashError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'object_in_trash';
      /** @description Human-readable message. */
      description: string;
      /** @description The trash entry. */
      detail: components['schemas']['ObjectInTrashDetail'];
    };
    /**
     * task_queueing_error
     * @description The background task the call needs could not be queued.
     */
    TaskQueueingError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'task_queueing_error';
      /** @description Human-readable message. */
      description: string;
      /** @description Why the task could not be queued. */
      detail: components['schemas']['ErrorMessageDetail'];
    };
    /**
     * deletion_restricted
     * @description The object cannot be deleted while other objects depend on it.
     */
    DeletionRestrictedError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'deletion_restricted';
      /** @description Human-readable message. */
      description: string;
      /** @description What blocks the deletion. */
      detail: components['schemas']['ErrorListDetail'];
    };
    /**
     * validation_error
     * @description The object failed validation while being created, changed or deleted.
     */
    ValidationError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'validation_error';
      /** @description Human-readable message. */
      description: string;
      /** @description The validation messages. */
      detail: components['schemas']['ErrorListDetail'];
    };
    /**
     * virtual_machine_network_interface_already_attached
     * @description The network interface is already attached.
     */
    AlreadyAttachedError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'virtual_machine_network_interface_already_attached';
      /** @description Human-readable message. */
      description: string;
      /** @description Always empty. */
      detail: components['schemas']['EmptyErrorDetail'];
    };
    /**
     * virtual_machine_network_interface_already_detached
     * @description The network interface is already detached.
     */
    AlreadyDetachedError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'virtual_machine_network_interface_already_detached';
      /** @description Human-readable message. */
      description: string;
      /** @description Always empty. */
      detail: components['schemas']['EmptyErrorDetail'];
    };
    /**
     * virtual_machine_network_interface_not_attached
     * @description The network interface is not attached. Missing from Krystal's document; Krystal's Terraform
     *     provider handles it as "already detached". The `detail` shape is assumed to be empty like the
     *     other state errors.
     */
    NotAttachedError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'virtual_machine_network_interface_not_attached';
      /** @description Human-readable message. */
      description: string;
      /** @description Assumed empty. */
      detail: components['schemas']['EmptyErrorDetail'];
    };
    /**
     * rate_limit_reached
     * @description The token's per-minute request limit is used up.
     */
    RateLimitReachedError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'rate_limit_reached';
      /** @description Human-readable message. */
      description: string;
      /** @description The limit that applies. */
      detail: components['schemas']['RateLimitDetail'];
    };
    /**
     * service_unavailable
     * @description Katapult is temporarily unavailable.
     */
    ServiceUnavailableError: {
      /**
       * @description Error code.
       * @enum {string}
       */
      code: 'service_unavailable';
      /** @description Human-readable message. */
      description: string;
      /** @description Always empty. */
      detail: components['schemas']['EmptyErrorDetail'];
    };
    /** @description The error codes a 400 can carry. */
    BadRequestError:
      | components['schemas']['MissingApiTokenError']
      | components['schemas']['InvalidArgumentError']
      | components['schemas']['MissingRequiredArgumentError']
      | components['schemas']['InvalidJsonBodyError'];
    /** @description The error codes a 403 can carry on endpoints without per-object permissions. */
    AuthenticationError:
      | components['schemas']['UnauthorizedNetworkForApiTokenError']
      | components['schemas']['InvalidApiTokenError']
      | components['schemas']['InvalidCapabilitiesTokenError']
      | components['schemas']['ScopeNotGrantedError'];
    /** @description The error codes a 403 can carry on attach and detach. */
    AuthorizationError:
      | components['schemas']['UnauthorizedNetworkForApiTokenError']
      | components['schemas']['InvalidApiTokenError']
      | components['schemas']['InvalidCapabilitiesTokenError']
      | components['schemas']['ScopeNotGrantedError']
      | components['schemas']['PermissionDeniedError'];
    /** @description The error codes a 404 from `createVirtualMachineNetworkInterface` can carry. */
    CreateNotFoundError:
      | components['schemas']['VirtualMachineNotFoundError']
      | components['schemas']['NetworkNotFoundError']
      | components['schemas']['VirtualNetworkNotFoundError']
      | components['schemas']['NetworkSpeedProfileNotFoundError'];
    /** @description The error codes a 404 from `getVirtualMachineNetworkInterfaceByNetwork` can carry (inferred from the lookups it resolves). */
    ByNetworkNotFoundError:
      | components['schemas']['VirtualMachineNotFoundError']
      | components['schemas']['NetworkNotFoundError']
      | components['schemas']['VirtualMachineNetworkInterfaceNotFoundError'];
    /** @description The error codes a 422 from `detachVirtualMachineNetworkInterface` can carry. */
    DetachStateError:
      components['schemas']['AlreadyDetachedError'] | components['schemas']['NotAttachedError'];
    /** @description Envelope of a 400 error. */
    BadRequestErrorBody: {
      /** @description The error. */
      error: components['schemas']['BadRequestError'];
    };
    /** @description Envelope of a 403 error (token and scope problems). */
    AuthenticationErrorBody: {
      /** @description The error. */
      error: components['schemas']['AuthenticationError'];
    };
    /** @description Envelope of a 403 error (token, scope and permission problems). */
    AuthorizationErrorBody: {
      /** @description The error. */
      error: components['schemas']['AuthorizationError'];
    };
    /** @description Envelope of a 404 `virtual_machine_not_found` error. */
    VirtualMachineNotFoundErrorBody: {
      /** @description The error. */
      error: components['schemas']['VirtualMachineNotFoundError'];
    };
    /** @description Envelope of a 404 error from `createVirtualMachineNetworkInterface`. */
    CreateNotFoundErrorBody: {
      /** @description The error. */
      error: components['schemas']['CreateNotFoundError'];
    };
    /** @description Envelope of a 404 error from `getVirtualMachineNetworkInterfaceByNetwork`. */
    ByNetworkNotFoundErrorBody: {
      /** @description The error. */
      error: components['schemas']['ByNetworkNotFoundError'];
    };
    /** @description Envelope of a 404 `virtual_machine_network_interface_not_found` error. */
    NetworkInterfaceNotFoundErrorBody: {
      /** @description The error. */
      error: components['schemas']['VirtualMachineNetworkInterfaceNotFoundError'];
    };
    /** @description Envelope of a 404 `task_not_found` error. */
    TaskNotFoundErrorBody: {
      /** @description The error. */
      error: components['schemas']['TaskNotFoundError'];
    };
    /** @description Envelope of a 406 `object_in_trash` error. */
    ObjectInTrashErrorBody: {
      /** @description The error. */
      error: components['schemas']['ObjectInTrashError'];
    };
    /** @description Envelope of a 406 `task_queueing_error` error. */
    TaskQueueingErrorBody: {
      /** @description The error. */
      error: components['schemas']['TaskQueueingError'];
    };
    /** @description Envelope of a 409 `deletion_restricted` error. */
    DeletionRestrictedErrorBody: {
      /** @description The error. */
      error: components['schemas']['DeletionRestrictedError'];
    };
    /** @description Envelope of a 422 `validation_error` error. */
    ValidationErrorBody: {
      /** @description The error. */
      error: components['schemas']['ValidationError'];
    };
    /** @description Envelope of a 422 error from attach. */
    AlreadyAttachedErrorBody: {
      /** @description The error. */
      error: components['schemas']['AlreadyAttachedError'];
    };
    /** @description Envelope of a 422 error from detach. */
    AlreadyDetachedErrorBody: {
      /** @description The error. */
      error: components['schemas']['DetachStateError'];
    };
    /** @description Envelope of a 429 `rate_limit_reached` error. */
    RateLimitReachedErrorBody: {
      /** @description The error. */
      error: components['schemas']['RateLimitReachedError'];
    };
    /** @description Envelope of a 503 `service_unavailable` error. */
    ServiceUnavailableErrorBody: {
      /** @description The error. */
      error: components['schemas']['ServiceUnavailableError'];
    };
  };
  responses: {
    /**
     * @description The request could not be read: no API token, a lookup with no key or more than one key, a
     *     missing required argument, or a body that is not valid JSON.
     */
    BadRequest: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['BadRequestErrorBody'];
      };
    };
    /** @description The token was refused, or it holds none of the scopes this endpoint accepts. */
    Forbidden: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AuthenticationErrorBody'];
      };
    };
    /**
     * @description The token was refused, holds none of the accepted scopes, or the identity may not act on this
     *     NIC (`permission_denied`).
     */
    ForbiddenOrPermissionDenied: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AuthorizationErrorBody'];
      };
    };
    /** @description No virtual machine matches the lookup. */
    VirtualMachineNotFound: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['VirtualMachineNotFoundErrorBody'];
      };
    };
    /** @description One of the objects named in the body does not exist (virtual machine, network, virtual network or speed profile). */
    CreateNotFound: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['CreateNotFoundErrorBody'];
      };
    };
    /** @description The virtual machine or the network does not exist, or the virtual machine has no NIC on that network. */
    ByNetworkNotFound: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ByNetworkNotFoundErrorBody'];
      };
    };
    /** @description No network interface matches the lookup. */
    NetworkInterfaceNotFound: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NetworkInterfaceNotFoundErrorBody'];
      };
    };
    /** @description No task matches the lookup. */
    TaskNotFound: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['TaskNotFoundErrorBody'];
      };
    };
    /** @description The virtual machine was found but is in the trash; restore it before changing or listing its NICs. */
    ObjectInTrash: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ObjectInTrashErrorBody'];
      };
    };
    /** @description Katapult could not queue the background task; nothing was changed. Retry later. */
    TaskQueueingFailed: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['TaskQueueingErrorBody'];
      };
    };
    /** @description The NIC cannot be deleted yet; `detail.errors` says what still depends on it. */
    DeletionRestricted: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['DeletionRestrictedErrorBody'];
      };
    };
    /** @description Katapult refused the change after validating it; `detail.errors` lists the reasons. */
    ValidationFailed: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ValidationErrorBody'];
      };
    };
    /** @description The NIC is already attached to its virtual machine; nothing to do. */
    AlreadyAttached: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AlreadyAttachedErrorBody'];
      };
    };
    /** @description The NIC is not attached; both codes mean there is nothing to detach. */
    AlreadyDetached: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AlreadyDetachedErrorBody'];
      };
    };
    /**
     * @description The token used up its requests for this minute. No `Retry-After` header has been seen; wait
     *     and retry with back-off.
     */
    RateLimitReached: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['RateLimitReachedErrorBody'];
      };
    };
    /** @description Katapult is temporarily unavailable; retry later. */
    ServiceUnavailable: {
      headers: {
        'X-Api-Schema': components['headers']['X-Api-Schema'];
        'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
        'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
        'X-Request-Id': components['headers']['X-Request-Id'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ServiceUnavailableErrorBody'];
      };
    };
  };
  parameters: {
    /**
     * @description ID of the virtual machine. One key of the `virtual_machine[...]` lookup must be given, and only
     *     one: give either this or `virtual_machine[fqdn]`.
     * @example vm_WNGeJJrnNqnT3tTU
     */
    VirtualMachineId: string;
    /**
     * @description Fully qualified host name of the virtual machine. One key of the `virtual_machine[...]` lookup
     *     must be given, and only one: give either this or `virtual_machine[id]`.
     * @example bitter-beautiful-mango.acme.example
     */
    VirtualMachineFqdn: string;
    /**
     * @description ID of the network. One key of the `network[...]` lookup must be given, and only one: give
     *     either this or `network[permalink]`.
     * @example netw_zDW7KYAeqqfRfVag
     */
    NetworkId: string;
    /**
     * @description Permalink of the network. One key of the `network[...]` lookup must be given, and only one:
     *     give either this or `network[id]`.
     * @example uk-lon-01-public
     */
    NetworkPermalink: string;
    /**
     * @description ID of the network interface (the only key of the `virtual_machine_network_interface[...]`
     *     lookup). Krystal's document marks it optional, but the call cannot find a NIC without it.
     * @example vmnet_olNAz8ThH0emHvdr
     */
    VirtualMachineNetworkInterfaceId: string;
    /**
     * @description ID of the task, as returned by attach or detach (the only key of the `task[...]` lookup).
     *     Krystal's document marks it optional, but the call cannot find a task without it.
     * @example task_p4Qm1rW8ZcT0vHxN
     */
    TaskId: string;
    /**
     * @description Page number to return, starting at 1.
     * @example 2
     */
    Page: number;
    /**
     * @description How many items a page holds.
     * @example 50
     */
    PerPage: number;
  };
  requestBodies: never;
  headers: {
    /** @description How many requests this token may make per minute (1000 in most recorded traffic). */
    'X-Ratelimit-Permitted': number;
    /** @description How many requests this token has left in the current one-minute window. */
    'X-Ratelimit-Remaining': number;
    /** @description Identifier Katapult gives this request (a UUID in all recorded traffic); quote it when asking Krystal support about a call. */
    'X-Request-Id': string;
    /** @description Always `json-error` on error responses; marks the body as the `{"error": {...}}` envelope. */
    'X-Api-Schema': 'json-error';
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listVirtualMachineNetworkInterfaces: {
    parameters: {
      query?: {
        /**
         * @description ID of the virtual machine. One key of the `virtual_machine[...]` lookup must be given, and only
         *     one: give either this or `virtual_machine[fqdn]`.
         * @example vm_WNGeJJrnNqnT3tTU
         */
        'virtual_machine[id]'?: components['parameters']['VirtualMachineId'];
        /**
         * @description Fully qualified host name of the virtual machine. One key of the `virtual_machine[...]` lookup
         *     must be given, and only one: give either this or `virtual_machine[id]`.
         * @example bitter-beautiful-mango.acme.example
         */
        'virtual_machine[fqdn]'?: components['parameters']['VirtualMachineFqdn'];
        /**
         * @description Page number to return, starting at 1.
         * @example 2
         */
        page?: components['parameters']['Page'];
        /**
         * @description How many items a page holds.
         * @example 50
         */
        per_page?: components['parameters']['PerPage'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the virtual machine's NICs. */
      200: {
        headers: {
          'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
          'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NetworkInterfaceListResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      404: components['responses']['VirtualMachineNotFound'];
      406: components['responses']['ObjectInTrash'];
      429: components['responses']['RateLimitReached'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  createVirtualMachineNetworkInterface: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateNetworkInterfaceRequest'];
      };
    };
    responses: {
      /** @description The NIC was created; it is not attached yet. */
      200: {
        headers: {
          'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
          'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NetworkInterfaceResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      404: components['responses']['CreateNotFound'];
      406: components['responses']['ObjectInTrash'];
      422: components['responses']['ValidationFailed'];
      429: components['responses']['RateLimitReached'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  getVirtualMachineNetworkInterfaceByNetwork: {
    parameters: {
      query?: {
        /**
         * @description ID of the virtual machine. One key of the `virtual_machine[...]` lookup must be given, and only
         *     one: give either this or `virtual_machine[fqdn]`.
         * @example vm_WNGeJJrnNqnT3tTU
         */
        'virtual_machine[id]'?: components['parameters']['VirtualMachineId'];
        /**
         * @description Fully qualified host name of the virtual machine. One key of the `virtual_machine[...]` lookup
         *     must be given, and only one: give either this or `virtual_machine[id]`.
         * @example bitter-beautiful-mango.acme.example
         */
        'virtual_machine[fqdn]'?: components['parameters']['VirtualMachineFqdn'];
        /**
         * @description ID of the network. One key of the `network[...]` lookup must be given, and only one: give
         *     either this or `network[permalink]`.
         * @example netw_zDW7KYAeqqfRfVag
         */
        'network[id]'?: components['parameters']['NetworkId'];
        /**
         * @description Permalink of the network. One key of the `network[...]` lookup must be given, and only one:
         *     give either this or `network[id]`.
         * @example uk-lon-01-public
         */
        'network[permalink]'?: components['parameters']['NetworkPermalink'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The NIC of the virtual machine on that network. */
      200: {
        headers: {
          'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
          'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NetworkInterfaceResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      404: components['responses']['ByNetworkNotFound'];
      406: components['responses']['ObjectInTrash'];
      429: components['responses']['RateLimitReached'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  getVirtualMachineNetworkInterface: {
    parameters: {
      query: {
        /**
         * @description ID of the network interface (the only key of the `virtual_machine_network_interface[...]`
         *     lookup). Krystal's document marks it optional, but the call cannot find a NIC without it.
         * @example vmnet_olNAz8ThH0emHvdr
         */
        'virtual_machine_network_interface[id]': components['parameters']['VirtualMachineNetworkInterfaceId'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The NIC. */
      200: {
        headers: {
          'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
          'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NetworkInterfaceResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NetworkInterfaceNotFound'];
      429: components['responses']['RateLimitReached'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  deleteVirtualMachineNetworkInterface: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NetworkInterfaceLookupRequest'];
      };
    };
    responses: {
      /** @description The NIC was deleted; the body shows it as it was. */
      200: {
        headers: {
          'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
          'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NetworkInterfaceResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NetworkInterfaceNotFound'];
      409: components['responses']['DeletionRestricted'];
      422: components['responses']['ValidationFailed'];
      429: components['responses']['RateLimitReached'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  attachVirtualMachineNetworkInterface: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NetworkInterfaceLookupRequest'];
      };
    };
    responses: {
      /** @description The attach task was queued. */
      200: {
        headers: {
          'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
          'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NetworkInterfaceTaskResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['ForbiddenOrPermissionDenied'];
      404: components['responses']['NetworkInterfaceNotFound'];
      406: components['responses']['TaskQueueingFailed'];
      422: components['responses']['AlreadyAttached'];
      429: components['responses']['RateLimitReached'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  detachVirtualMachineNetworkInterface: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NetworkInterfaceLookupRequest'];
      };
    };
    responses: {
      /** @description The detach task was queued. */
      200: {
        headers: {
          'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
          'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NetworkInterfaceTaskResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['ForbiddenOrPermissionDenied'];
      404: components['responses']['NetworkInterfaceNotFound'];
      406: components['responses']['TaskQueueingFailed'];
      422: components['responses']['AlreadyDetached'];
      429: components['responses']['RateLimitReached'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  getTask: {
    parameters: {
      query: {
        /**
         * @description ID of the task, as returned by attach or detach (the only key of the `task[...]` lookup).
         *     Krystal's document marks it optional, but the call cannot find a task without it.
         * @example task_p4Qm1rW8ZcT0vHxN
         */
        'task[id]': components['parameters']['TaskId'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task. */
      200: {
        headers: {
          'X-Ratelimit-Permitted': components['headers']['X-Ratelimit-Permitted'];
          'X-Ratelimit-Remaining': components['headers']['X-Ratelimit-Remaining'];
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      404: components['responses']['TaskNotFound'];
      429: components['responses']['RateLimitReached'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
}
