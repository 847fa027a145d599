/// The address types are shared with the protocol modules; configuration users see them here too.
@_exported import NetworkTypes
