extension HTMLSanitizer {
    /// What `HTMLSanitizer` keeps. Lists, not rules: adding an element a reader needs is one word.
    enum Policy {
        static let elements: Set<String> = Set("""
            a abbr address article aside audio b bdi bdo blockquote br caption cite code col colgroup dd del \
            details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li \
            main mark nav ol p picture pre q rp rt ruby s samp section small source span strike strong sub \
            summary sup table tbody td tfoot th thead time tr track tt u ul var video wbr
            """.split(separator: " ").map(String.init))

        /// Removed together with everything inside them (not just their tags).
        static let contentDropped: Set<String> = Set("""
            script style template iframe frame frameset object embed applet noembed noframes noscript svg math \
            head title textarea select button form input option canvas dialog
            """.split(separator: " ").map(String.init))

        static let voidElements: Set<String> = ["br", "hr", "img", "source", "track", "wbr", "col", "input", "embed", "param"]

        /// Attributes allowed on every kept element.
        static let global: Set<String> = ["title", "lang", "dir"]

        static let perElement: [String: Set<String>] = [
            "a": ["href"],
            "img": ["src", "alt", "width", "height", "srcset", "sizes", "loading"],
            "video": ["src", "poster", "controls", "width", "height", "loop", "muted", "playsinline"],
            "audio": ["src", "controls", "loop"],
            "source": ["src", "srcset", "type", "media", "sizes"],
            "track": ["src", "kind", "srclang", "label"],
            "iframe": ["src", "width", "height", "allowfullscreen", "allow"],
            "td": ["colspan", "rowspan", "headers"],
            "th": ["colspan", "rowspan", "headers", "scope"],
            "col": ["span"], "colgroup": ["span"],
            "ol": ["start", "reversed", "type"],
            "li": ["value"],
            "blockquote": ["cite"], "q": ["cite"], "del": ["cite", "datetime"], "ins": ["cite", "datetime"],
            "time": ["datetime"],
            "details": ["open"],
        ]

        static let urlAttributes: Set<String> = ["href", "src", "poster", "cite", "srcset"]

        /// Hosts whose players may be embedded (an `<iframe>` from anywhere else is removed).
        static let embedHosts: Set<String> = [
            "youtube.com", "www.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com", "player.vimeo.com",
        ]

        static func dropsContent(_ element: String) -> Bool { contentDropped.contains(element) }

        static func allows(_ attribute: String, on element: String) -> Bool {
            global.contains(attribute) || perElement[element]?.contains(attribute) == true
        }

        /// http(s), mailto and references without a scheme (left relative when there was no base);
        /// `data:` only for raster images in `<img src>`.
        static func isAllowedURL(_ url: String, dataImage: Bool) -> Bool {
            // Browsers ignore tabs, newlines and leading controls inside a scheme (`java\nscript:`).
            var scheme: [UInt8] = []
            var sawColon = false
            for b in url.utf8 {
                if b <= 0x20 { continue }
                if b == UInt8(ascii: ":") { sawColon = true; break }
                if b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") { break }
                scheme.append(b | 0x20)
            }
            guard sawColon else { return true }
            switch String(decoding: scheme, as: UTF8.self) {
            case "http", "https", "mailto": return true
            case "data":
                guard dataImage else { return false }
                let lower = String(url.prefix(32)).lowercased().filter { !$0.isWhitespace }
                return lower.hasPrefix("data:image/") && !lower.hasPrefix("data:image/svg")
            default: return false
            }
        }

        static func isAllowedEmbed(_ src: String) -> Bool {
            let lower = src.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("//") else { return false }
            let afterScheme = lower.drop(while: { $0 != "/" }).drop(while: { $0 == "/" })
            let authority = afterScheme.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
            guard !authority.contains("@") else { return false }
            let host = authority.split(separator: ":").first.map(String.init) ?? ""
            return embedHosts.contains(host)
        }
    }
}
