import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small element tree read with Foundation's `XMLParser`, names without their namespace
/// prefix (`w:tc` is `tc`): enough to walk WordprocessingML and SpreadsheetML parts.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    private(set) var children: [XMLNode] = []
    /// Character data directly inside this element.
    private(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The attribute by local name (`val` finds `w:val`).
    subscript(attribute: String) -> String? { attributes[attribute] }

    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// Every element named `name` below this one, in document order, not descending into
    /// the matches.
    func descendants(_ name: String, stopAt stop: Set<String> = []) -> [XMLNode] {
        var out: [XMLNode] = []
        for c in children {
            if c.name == name {
                out.append(c)
            } else if !stop.contains(c.name) {
                out += c.descendants(name, stopAt: stop)
            }
        }
        return out
    }

    /// All character data below this element, in order.
    var allText: String { text + children.map(\.allText).joined() }

    fileprivate func append(_ node: XMLNode) { children.append(node) }
    fileprivate func append(text more: String) { text += more }

    /// Parses a whole part; throws with the parser's message when it is not well-formed.
    static func parse(_ data: Data) throws -> XMLNode {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw XMLTreeError(message: parser.parserError.map { "\($0)" } ?? "not well-formed XML")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?

        static func local(_ name: String) -> String {
            name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            var attributes: [String: String] = [:]
            for (key, value) in attributeDict { attributes[Builder.local(key)] = value }
            let node = XMLNode(name: Builder.local(elementName), attributes: attributes)
            if let parent = stack.last { parent.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?
        ) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.append(text: string)
        }
    }
}

struct XMLTreeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
