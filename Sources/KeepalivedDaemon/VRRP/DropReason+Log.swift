import VRRPCore

extension DropReason {
    /// The line keepalived 2.2.7 logs for the same drop (without the values it prints where we do
    /// not have them), so the lines operators grep for stay recognisable.
    func logLine(instance: String, packet: ReceiveCheck.Packet, expected: ReceiveCheck.Expectations) -> String {
        switch self {
        case .packetLengthError: "(\(instance)) vrrp packet has the wrong length"
        case .ttlError: "(\(instance)) invalid TTL/HL. Received \(packet.ttlOrHopLimit ?? -1) and expect 255"
        case .versionError: "(\(instance)) wrong version. Received a packet that is not VRRPv\(expected.version.rawValue)"
        case .invalidAuthType: "(\(instance)) Invalid auth type"
        case .authTypeMismatch: "(\(instance)) received an auth type other than \(expected.authenticationType.rawValue)"
        case .authFailure: "(\(instance)) received an invalid passwd!"
        case .intervalMismatch: "(\(instance)) advertisement interval mismatch mine=\(expected.advertisementIntervalSeconds) sec"
        case .invalidType: "(\(instance)) Invalid packet type. Expect 1"
        case .addressListError: "(\(instance)) received an unexpected ip address list"
        case .checksumError: "(\(instance)) Invalid VRRPv\(expected.version.rawValue) checksum"
        case .notVRRP: "(\(instance)) AH header for another protocol - ignored"
        case .notAPeer: "(\(instance)) unicast source address not a unicast peer"
        case .unsupportedAuthentication: "(\(instance)) IPsec-AH authentication is not supported yet - packet dropped"
        }
    }
}
