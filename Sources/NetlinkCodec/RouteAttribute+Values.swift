/// Typed builders and readers for attribute values (host byte order unless said otherwise).
extension RouteAttribute {
    /// NLA_F_NESTED: set on nested attributes we send, as libnl does; masked off when reading.
    public static let nestedFlag: UInt16 = 0x8000

    public static func nested(_ type: UInt16, _ children: [RouteAttribute]) -> RouteAttribute {
        RouteAttribute(type: type | nestedFlag, value: children.flatMap { $0.encoded() })
    }

    public static func uint8(_ type: UInt16, _ value: UInt8) -> RouteAttribute {
        RouteAttribute(type: type, value: [value])
    }

    public static func uint16(_ type: UInt16, _ value: UInt16) -> RouteAttribute {
        var bytes: [UInt8] = []
        bytes.appendHost(value)
        return RouteAttribute(type: type, value: bytes)
    }

    /// A 16-bit value in network byte order (ports).
    public static func bigEndian16(_ type: UInt16, _ value: UInt16) -> RouteAttribute {
        RouteAttribute(type: type, value: [UInt8(value >> 8), UInt8(value & 0xff)])
    }

    public var children: [RouteAttribute] { RouteAttribute.decodeAll(value[...]) }

    public var uint8Value: UInt8? { value.count >= 1 ? value[0] : nil }
    public var uint16Value: UInt16? { value.count >= 2 ? value.readHost(UInt16.self, at: 0) : nil }
    public var uint32Value: UInt32? { value.count >= 4 ? value.readHost(UInt32.self, at: 0) : nil }
    public var bigEndian16Value: UInt16? { value.count >= 2 ? UInt16(value[0]) << 8 | UInt16(value[1]) : nil }
    public var bigEndian32Value: UInt32? { value.count >= 4 ? value[0..<4].reduce(0) { $0 << 8 | UInt32($1) } : nil }
    /// A NUL-terminated (or unterminated) string.
    public var stringValue: String { String(decoding: value.prefix { $0 != 0 }, as: UTF8.self) }
}
