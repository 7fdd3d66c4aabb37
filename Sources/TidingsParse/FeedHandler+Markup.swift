// Markup that arrives as XML elements inside a captured field: Atom
// type="xhtml" content, and RSS descriptions whose HTML was never escaped.
// It is written back out as HTML text, so content is always an HTML string.
extension FeedHandler {
    /// HTML void elements (no end tag), compared as bytes, ASCII case-insensitively.
    private static let voidElements: [StaticString] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    /// Most names are not void and differ from all of them in the first byte:
    /// that is compared before the rest (this runs for every end tag inside
    /// XHTML content).
    private static func isVoidElement(_ name: UnsafePointer<UInt8>) -> Bool {
        let first = ASCII.lowercased(name[0])
        for candidate in voidElements where candidate.utf8Start[0] == first {
            if ByteName.equalsIgnoringCase(name, candidate) { return true }
        }
        return false
    }

    func serializeStart(_ element: SAXElement) {
        guard let mode = capture?.mode, mode != .text, mode != .plain else { return }
        // Atom xhtml content is wrapped in one <div>; the content is what is inside it.
        if mode == .xhtml, depth == captureDepth + 1, capture?.wrapperDepth == 0,
           ByteName.equals(element.localName, "div"), namespaces.lookup(element.namespace) == .xhtml {
            capture?.wrapperDepth = depth
            return
        }
        sink.pointee.append(UInt8(ascii: "<"))
        sink.pointee.append(name: element.localName)
        element.forEachAttribute { local, uri, value in
            if uri != nil { return } // xml:base, xml:lang and foreign attributes are not HTML
            sink.pointee.append(UInt8(ascii: " "))
            sink.pointee.append(name: local)
            sink.pointee.append("=\"")
            if value.contains(UInt8(ascii: "&")) {
                SAXElement.decodedValue(value).withUTF8Bytes { sink.pointee.appendEscaped($0, quote: true) }
            } else {
                sink.pointee.appendEscaped(value, quote: true)
            }
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
        if Self.isVoidElement(localName) { return }
        sink.pointee.append("</")
        sink.pointee.append(name: localName)
        sink.pointee.append(UInt8(ascii: ">"))
    }
}
