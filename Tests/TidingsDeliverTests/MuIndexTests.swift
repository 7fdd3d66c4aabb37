import Foundation
import Testing
import TidingsDeliver
import TidingsTestSupport

private let muExecutable: String? = ["/usr/bin/mu", "/usr/local/bin/mu"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// A real mail indexer over a real delivery: `mu` (maildir-utils) indexes the maildir and finds
/// the messages by subject and Message-ID. Skipped when mu is not installed
/// (`apt-get install maildir-utils`).
@Suite(.enabled(if: muExecutable != nil, "mu (maildir-utils) is not installed"))
struct MuIndexTests {

    @Test func muFindsDeliveredMessagesBySubject() throws {
        let temp = TemporaryDirectory("tidings-mu")
        let maildir = try Maildir(root: temp.file("Mail"))
        let titles = ["Faster builds with incremental caching", "中文标题 订阅", "👩‍💻 Night coding 🇯🇵"]
        let articles = titles.enumerated().map { n, title in Articles.make(title: title, entryKey: "id:mu-\(n)") }
        let batch = articles.map { article in
            let id = MailMessage.messageID(feedURL: article.feedURL, entryKey: article.entryKey)
            return (name: Maildir.uniqueName(messageID: id, at: Date()), message: MailMessage.render(article))
        }
        _ = try maildir.deliver(batch)
        let home = temp.file("muhome")
        try run(["init", "--maildir=" + maildir.path, "--muhome=" + home])
        try run(["index", "--muhome=" + home])

        let found = try run(["find", "--muhome=" + home, "--fields=s", "subject:incremental"])
        #expect(found.trimmingCharacters(in: .whitespacesAndNewlines) == titles[0])
        let all = try run(["find", "--muhome=" + home, "--fields=s", "--sortfield=subject", "from:tidings@localhost"])
        #expect(Set(all.split(separator: "\n").map(String.init)) == Set(titles))
        let chinese = try run(["find", "--muhome=" + home, "--fields=s", "subject:订阅"])
        #expect(chinese.contains(titles[1]))
        let id = MailMessage.messageID(feedURL: articles[2].feedURL, entryKey: articles[2].entryKey)
        let byID = try run(["find", "--muhome=" + home, "--fields=s", "msgid:" + id])
        #expect(byID.trimmingCharacters(in: .whitespacesAndNewlines) == titles[2])
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: muExecutable!)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "mu \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(errorText)")
        }
        return text
    }
}
