import Foundation
import TidingsModel

extension ParsedFeed {
    /// The `tidings parse` output: pretty-printed JSON with a fixed key order,
    /// missing values as `null`, dates in UTC, UTF-8 left unescaped.
    /// Written by hand because JSONEncoder neither keeps key order nor leaves `/` alone.
    public func jsonData() -> [UInt8] {
        var w = JSONWriter()
        w.open("{")
        w.key("format"); w.string(format.rawValue); w.comma()
        w.key("title"); w.string(title); w.comma()
        w.key("link"); w.string(link); w.comma()
        w.key("description"); w.string(description); w.comma()
        w.key("language"); w.string(language); w.comma()
        w.key("updated"); w.string(updated?.iso8601UTC); w.comma()
        w.key("image"); w.string(image); w.comma()
        w.key("selfLink"); w.string(selfLink); w.comma()
        w.key("hubs"); w.array(hubs) { w, h in w.string(h) }; w.comma()
        w.key("rights"); w.string(rights); w.comma()
        w.key("entries")
        w.array(entries) { w, e in
            w.open("{")
            w.key("id"); w.string(e.id); w.comma()
            w.key("title"); w.string(e.title); w.comma()
            w.key("link"); w.string(e.link); w.comma()
            w.key("published"); w.string(e.published?.iso8601UTC); w.comma()
            w.key("updated"); w.string(e.updated?.iso8601UTC); w.comma()
            w.key("authors"); w.array(e.authors) { w, a in w.string(a) }; w.comma()
            w.key("summary"); w.string(e.summary); w.comma()
            w.key("content"); w.string(e.content); w.comma()
            w.key("categories"); w.array(e.categories) { w, c in w.string(c) }; w.comma()
            w.key("enclosures")
            w.array(e.enclosures) { w, enc in
                w.open("{")
                w.key("url"); w.string(enc.url); w.comma()
                w.key("type"); w.string(enc.type); w.comma()
                w.key("length"); w.raw(enc.length.map { String($0) } ?? "null")
                w.close("}")
            }
            w.comma()
            w.key("image"); w.string(e.image); w.comma()
            w.key("duration"); w.raw(e.duration.map { String($0) } ?? "null"); w.comma()
            w.key("explicit"); w.raw(e.explicit.map { $0 ? "true" : "false" } ?? "null"); w.comma()
            w.key("rights"); w.string(e.rights); w.comma()
            w.key("commentsURL"); w.string(e.commentsURL); w.comma()
            w.key("commentCount"); w.raw(e.commentCount.map { String($0) } ?? "null"); w.comma()
            w.key("location")
            if let location = e.location {
                w.open("{")
                w.key("latitude"); w.raw(String(location.latitude)); w.comma()
                w.key("longitude"); w.raw(String(location.longitude))
                w.close("}")
            } else {
                w.raw("null")
            }
            w.close("}")
        }
        w.comma()
        w.key("warnings"); w.array(warnings) { w, s in w.string(s) }
        w.close("}")
        w.out.append(UInt8(ascii: "\n"))
        return w.out
    }
}

/// Two-space pretty printer: each container on its own lines, `[]` when empty.
private struct JSONWriter {
    var out: [UInt8] = []
    var level = 0

    mutating func newline() {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
    }

    mutating func open(_ bracket: Character) {
        out.append(contentsOf: String(bracket).utf8)
        level += 1
        newline()
    }

    mutating func close(_ bracket: Character) {
        level -= 1
        newline()
        out.append(contentsOf: String(bracket).utf8)
    }

    mutating func comma() { out.append(UInt8(ascii: ",")); newline() }

    mutating func key(_ k: String) { string(k); out.append(contentsOf: ": ".utf8) }

    mutating func raw(_ s: String) { out.append(contentsOf: s.utf8) }

    mutating func array<T>(_ items: [T], _ element: (inout JSONWriter, T) -> Void) {
        if items.isEmpty { raw("[]"); return }
        open("[")
        for (i, item) in items.enumerated() {
            if i > 0 { comma() }
            element(&self, item)
        }
        close("]")
    }

    mutating func string(_ s: String?) {
        guard var s else { raw("null"); return }
        s.withUTF8 { JSONString.append($0, to: &out, safeForHTML: false) }
    }

    mutating func string(_ text: UTF8Text?) {
        guard let text else { raw("null"); return }
        text.withUnsafeBufferPointer { JSONString.append($0, to: &out, safeForHTML: false) }
    }
}
