import Foundation
import XCTest

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Well-formedness check with Foundation's `XMLParser`.
enum XMLCheck {
    final class Recorder: NSObject, XMLParserDelegate {
        var elements: [String] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            elements.append(name)
        }
    }

    /// Parses `data`; fails the test with the parser's error when it is not well-formed.
    /// Returns the element names in document order.
    @discardableResult
    static func parse(_ data: Data, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let parser = XMLParser(data: data)
        let recorder = Recorder()
        parser.delegate = recorder
        if !parser.parse() {
            XCTFail(
                "\(name) is not well-formed XML: \(parser.parserError.map(String.init(describing:)) ?? "?") "
                    + "at line \(parser.lineNumber)", file: file, line: line)
        }
        return recorder.elements
    }
}
