/// What a fuzz case exercises.
public enum FuzzKind: String, CaseIterable, Sendable {
    case rpc = "rpc"
    case provision = "provisioning"
    case dataInterface = "data interface"
    case socketRPC = "rpc over a socket"
    case socketProvision = "provisioning over a socket"
    case socketDataInterface = "data interface over a socket"
}
