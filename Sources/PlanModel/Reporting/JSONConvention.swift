import Foundation

/// planmerge's one JSON convention (docs/JSON.md): keys sorted, pretty-printed, slashes
/// unescaped, and every key present: an optional that is empty is written as `null` rather
/// than left out (Swift's own `JSONEncoder` leaves it out). Every JSON output uses it.
public enum JSONConvention {
    /// `value` as JSON text in the convention.
    public static func encode(_ value: some Encodable) throws -> String {
        let root = JSONNode()
        try JSONNode.encode(value, into: root, codingPath: [])
        let data = try JSONSerialization.data(
            withJSONObject: root.foundationValue,
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }
}

/// A JSON value being built by `NullKeepingEncoder`: a scalar, an array or an object.
private final class JSONNode {
    var scalar: Any?
    var array: [JSONNode]?
    var object: [String: JSONNode]?

    /// The value as Foundation objects, for `JSONSerialization`.
    var foundationValue: Any {
        if let object { return object.mapValues(\.foundationValue) }
        if let array { return array.map(\.foundationValue) }
        return scalar ?? NSNull()
    }

    static func encode(_ value: some Encodable, into node: JSONNode, codingPath: [any CodingKey]) throws {
        switch value {
        case let value as Bool: node.scalar = value
        case let value as String: node.scalar = value
        case let value as Int: node.scalar = value
        case let value as Int64: node.scalar = value
        case let value as Int32: node.scalar = Int(value)
        case let value as UInt: node.scalar = value
        case let value as Double: node.scalar = value
        case let value as Float: node.scalar = Double(value)
        default: try value.encode(to: NullKeepingEncoder(node: node, codingPath: codingPath))
        }
    }
}

/// An `Encoder` that writes `nil` optionals as `null` (`encodeIfPresent` writes null).
private struct NullKeepingEncoder: Encoder {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.object == nil { node.object = [:] }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.array == nil { node.array = [] }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    var codingPath: [any CodingKey]

    private func child(_ key: Key) -> JSONNode {
        let child = JSONNode()
        node.object?[key.stringValue] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).scalar = NSNull() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).scalar = value }
    mutating func encode(_ value: String, forKey key: Key) throws { child(key).scalar = value }
    mutating func encode(_ value: Double, forKey key: Key) throws { child(key).scalar = value }
    mutating func encode(_ value: Int, forKey key: Key) throws { child(key).scalar = value }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try JSONNode.encode(value, into: child(key), codingPath: codingPath + [key])
    }

    // Swift's synthesized `encode(to:)` calls these for optionals; the defaults skip nil.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try put(value, key) }

    private mutating func put<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        NullKeepingEncoder(node: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NullKeepingEncoder(node: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NullKeepingEncoder(node: node, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NullKeepingEncoder(node: child(key), codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue ?? 0)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var count: Int { node.array?.count ?? 0 }

    private func next() -> JSONNode {
        let child = JSONNode()
        node.array?.append(child)
        return child
    }

    mutating func encodeNil() throws { next().scalar = NSNull() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [IndexKey(count)]
        try JSONNode.encode(value, into: next(), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [IndexKey(count)]
        return NullKeepingEncoder(node: next(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [IndexKey(count)]
        return NullKeepingEncoder(node: next(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [IndexKey(count)]
        return NullKeepingEncoder(node: next(), codingPath: path)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.scalar = NSNull() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try JSONNode.encode(value, into: node, codingPath: codingPath)
    }
}
