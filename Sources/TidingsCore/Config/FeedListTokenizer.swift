import TidingsModel
/// Splits a `feeds.txt` line into words the way newsboat's `urls` file does:
/// whitespace separates words, double quotes group (`"Tech news"`), a backslash
/// escapes the next character inside quotes, and `#` at the start of a word starts a comment.
struct FeedListTokenizer {
    struct Word: Equatable {
        var text: String
        /// True when the word was entirely quoted: `"a=b"` is a tag, `a=b` an option.
        var wasQuoted: Bool
        /// True for `key=value` and `key="value"`: an unquoted `=` after a non-empty, unquoted key.
        var isOption: Bool
    }

    enum Failure: Error, Equatable {
        case unterminatedQuote
    }

    private struct Pending {
        var text = ""
        var started = false
        var hasQuotes = false
        var hasUnquoted = false
        var isOption = false
    }

    static func words(_ line: Substring) throws(Failure) -> [Word] {
        var words: [Word] = []
        var word = Pending()
        var inQuotes = false
        var iterator = line.makeIterator()

        func finish() {
            if word.started {
                words.append(Word(text: word.text, wasQuoted: word.hasQuotes && !word.hasUnquoted, isOption: word.isOption))
            }
            word = Pending()
        }

        while let char = iterator.next() {
            if inQuotes {
                switch char {
                case "\"": inQuotes = false
                case "\\": if let next = iterator.next() { word.text.append(next) }
                default: word.text.append(char)
                }
                continue
            }
            switch char {
            case " ", "\t", "\r":
                finish()
            case "#" where !word.started:
                return words
            case "\"":
                word.started = true
                word.hasQuotes = true
                inQuotes = true
            default:
                if char == "=", !word.hasQuotes, !word.isOption, !word.text.isEmpty {
                    word.isOption = true
                }
                word.started = true
                word.hasUnquoted = true
                word.text.append(char)
            }
        }
        if inQuotes { throw .unterminatedQuote }
        finish()
        return words
    }
}
