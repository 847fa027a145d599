/// One rtattr (type-length-value, padded to 4 bytes).
public struct RouteAttribute: Sendable, Hashable {
    public var type: UInt16
    public var value: [UInt8]

    public init(type: UInt16, value: [UInt8]) {
        self.type = type
        self.value = value
    }

    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendHost(UInt16(4 + value.count))
        bytes.appendHost(type)
        bytes += value
        bytes.padToFour()
        return bytes
    }

    public static func decodeAll(_ bytes: ArraySlice<UInt8>) -> [RouteAttribute] {
        let bytes = Array(bytes)
        var attributes: [RouteAttribute] = []
        var offset = 0
        while offset + 4 <= bytes.count {
            let length = Int(bytes.readHost(UInt16.self, at: offset))
            guard length >= 4, offset + length <= bytes.count else { break }
            attributes.append(RouteAttribute(
                type: bytes.readHost(UInt16.self, at: offset + 2) & 0x3fff, value: Array(bytes[(offset + 4)..<(offset + length)])))
            offset += (length + 3) & ~3
        }
        return attributes
    }

    public static func string(_ type: UInt16, _ text: String) -> RouteAttribute {
        RouteAttribute(type: type, value: Array(text.utf8) + [0])
    }

    public static func uint32(_ type: UInt16, _ value: UInt32) -> RouteAttribute {
        var bytes: [UInt8] = []
        bytes.appendHost(value)
        return RouteAttribute(type: type, value: bytes)
    }
}
