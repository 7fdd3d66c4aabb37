// Markup that arrives as XML elements inside a captured field: Atom
// type="xhtml" content, and RSS descriptions whose HTML was never escaped.
// It is written back out as HTML text, so content is always an HTML string.
extension FeedHandler {
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    func serializeStart(_ element: SAXElement) {
        guard var capture, capture.mode != .text, capture.mode != .plain else { return }
        // Atom xhtml content is wrapped in one <div>; the content is what is inside it.
        if capture.mode == .xhtml, depth == capture.depth + 1, capture.wrapperDepth == 0,
           ByteName.equals(element.localName, "div"), namespaces.lookup(element.namespace) == .xhtml {
            capture.wrapperDepth = depth
            self.capture = capture
            return
        }
        sink.pointee.append(UInt8(ascii: "<"))
        sink.pointee.append(name: element.localName)
        element.forEachAttribute { local, uri, value in
            if uri != nil { return } // xml:base, xml:lang and foreign attributes are not HTML
            sink.pointee.append(UInt8(ascii: " "))
            sink.pointee.append(name: local)
            sink.pointee.append("=\"")
            var decoded = SAXElement.decodedValue(value)
            decoded.withUTF8 { sink.pointee.appendEscaped($0, quote: true) }
            sink.pointee.append(UInt8(ascii: "\""))
        }
        sink.pointee.append(UInt8(ascii: ">"))
    }

    func serializeEnd(_ localName: UnsafePointer<UInt8>) {
        guard let mode = capture?.mode, mode != .text, mode != .plain else { return }
        if depth == capture?.wrapperDepth {
            self.capture?.wrapperDepth = -1 // only the first wrapper is dropped
            return
        }
        let name = ByteName.string(localName)
        if Self.voidElements.contains(name.lowercased()) { return }
        sink.pointee.append("</")
        sink.pointee.append(name: localName)
        sink.pointee.append(UInt8(ascii: ">"))
    }
}
