import Foundation
import Testing
@testable import TidingsDeliver
import TidingsModel
import TidingsTestSupport

@Suite struct MaildirTests {
    private func batch(_ count: Int, prefix: String = "m") -> [(name: String, message: [UInt8])] {
        (0..<count).map { n in
            let article = Articles.make(title: "Message \(n)", entryKey: "id:\(prefix)\(n)")
            let id = MailMessage.messageID(feedURL: article.feedURL, entryKey: article.entryKey)
            return (Maildir.uniqueName(messageID: id, at: Articles.fetchedAt), MailMessage.render(article))
        }
    }

    private func files(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    @Test func createsMaildirWithParentsPrivately() throws {
        let temp = TemporaryDirectory()
        let maildir = try Maildir(root: temp.file("a/b/Mail"))
        #expect(maildir.path == temp.file("a/b/Mail"))
        for sub in ["cur", "new", "tmp"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: maildir.path + "/" + sub)
            #expect((attributes[.posixPermissions] as? Int) == 0o700)
        }
    }

    @Test func deliversBatchIntoNewLeavingTmpEmpty() throws {
        let temp = TemporaryDirectory()
        let maildir = try Maildir(root: temp.path)
        let messages = batch(5)
        let delivered = try maildir.deliver(messages)
        #expect(delivered == messages.map(\.name))
        #expect(files(temp.file("new")) == messages.map(\.name).sorted())
        #expect(files(temp.file("tmp")).isEmpty)
        for item in messages {
            #expect(FileManager.default.contents(atPath: temp.file("new/" + item.name)) == Data(item.message))
            #expect(maildir.contains(name: item.name))
        }
        // Python reads every delivered file as a well-formed message.
        let summary = try MailReader.readMaildir(temp.path)
        #expect(summary.new.count == 5)
        #expect(summary.new.allSatisfy { $0.defects.isEmpty })
        #expect(Set(summary.new.compactMap { $0.header("Subject") }) == Set((0..<5).map { "Message \($0)" }))
    }

    @Test func redeliveringTheSameBatchAddsNothing() throws {
        let temp = TemporaryDirectory()
        let maildir = try Maildir(root: temp.path)
        let messages = batch(3)
        _ = try maildir.deliver(messages)
        let again = try maildir.deliver(messages + [messages[0]])
        #expect(again == messages.map(\.name))
        #expect(files(temp.file("new")).count == 3)
        #expect(files(temp.file("tmp")).isEmpty)
    }

    @Test func messageMovedToCurIsRecognised() throws {
        let temp = TemporaryDirectory()
        let maildir = try Maildir(root: temp.path)
        let messages = batch(2)
        _ = try maildir.deliver(messages)
        let name = messages[0].name
        #expect(rename(temp.file("new/" + name), temp.file("cur/" + name + ":2,S")) == 0)
        #expect(maildir.contains(name: name))
        #expect(maildir.presentNames() == Set(messages.map(\.name)))
        _ = try maildir.deliver(messages)
        #expect(files(temp.file("new")) == [messages[1].name])
        #expect(files(temp.file("cur")) == [name + ":2,S"])
        #expect(!maildir.contains(name: "absent"))
    }

    @Test(arguments: [
        ("News", ".News"), ("News.Tech", ".News.Tech"), ("../../etc", ".-.-etc"), ("a/b", ".a-b"),
        ("..", nil), (".hidden", ".hidden"), ("x..y", ".x.y"), ("/", ".-"),
    ] as [(String, String?)])
    func folderCannotEscapeRoot(folder: String, expected: String?) throws {
        let temp = TemporaryDirectory()
        guard let expected else {
            #expect(throws: TidingsError.self) { try Maildir(root: temp.path, folder: folder) }
            return
        }
        let maildir = try Maildir(root: temp.path, folder: folder)
        let expectedPath = temp.path + "/" + expected
        #expect(maildir.path == expectedPath)
        #expect((maildir.path as NSString).deletingLastPathComponent == temp.path)
        #expect(FileManager.default.fileExists(atPath: maildir.path + "/maildirfolder"))
        #expect(FileManager.default.fileExists(atPath: temp.path + "/cur"))  // the root is a maildir too
    }

    @Test func readOnlyDirectoryGivesAClearError() throws {
        let temp = TemporaryDirectory()
        let locked = temp.file("locked")
        #expect(mkdir(locked, 0o500) == 0)
        // Root ignores permission bits; the immutable attribute stops root too.
        let asRoot = geteuid() == 0
        if asRoot { try #require(Self.chattr("+i", locked), "chattr +i is needed to test a read-only directory as root") }
        defer { if asRoot { _ = Self.chattr("-i", locked) } }
        do {
            _ = try Maildir(root: locked + "/Mail")
            Issue.record("expected an error")
        } catch {
            #expect(error.stage == .deliver)
            #expect(error.message.contains(locked + "/Mail"))
            #expect(error.message.contains("permission denied"))
        }
    }

    @Test func deliveringIntoAReadOnlyMaildirFailsAndLosesNothing() throws {
        let temp = TemporaryDirectory()
        let maildir = try Maildir(root: temp.path)
        let tmp = temp.file("tmp")
        let asRoot = geteuid() == 0
        #expect(chmod(tmp, 0o500) == 0)
        if asRoot { try #require(Self.chattr("+i", tmp)) }
        defer {
            if asRoot { _ = Self.chattr("-i", tmp) }
            chmod(tmp, 0o700)
        }
        #expect(throws: TidingsError.self) { try maildir.deliver(batch(2)) }
        #expect(files(temp.file("new")).isEmpty)
    }

    @Test(arguments: [
        (ENOSPC, "the disk is full (no space left) writing to /m/tmp: nothing was lost, the articles stay pending; free some space and run again"),
        (EDQUOT, "the disk is full (quota exceeded) writing to /m/tmp: nothing was lost, the articles stay pending; free some space and run again"),
        (EROFS, "cannot write /m/tmp: the file system is read-only; choose a writable maildir"),
        (EACCES, "cannot write /m/tmp: permission denied; check the maildir's owner and permissions"),
        (EIO, "cannot write /m/tmp: Input/output error"),
    ])
    func errorMessagesSayWhatToDo(code: Int32, expected: String) {
        let error = Maildir.error(code, "write", "/m/tmp")
        #expect(error.stage == .deliver)
        #expect(error.message == expected)
    }

    @Test func cleanTmpRemovesOnlyOurFiles() throws {
        let temp = TemporaryDirectory()
        let maildir = try Maildir(root: temp.path)
        let messages = batch(2)
        try maildir.stage(messages)
        #expect(maildir.isStaged(messages[0].name))
        #expect(FileManager.default.createFile(atPath: temp.file("tmp/123.other-mda.host"), contents: Data("x".utf8)))
        maildir.cleanTmp()
        #expect(files(temp.file("tmp")) == ["123.other-mda.host"])
        #expect(!maildir.isStaged(messages[0].name))
    }

    @Test func stageFlushPublishIsTwoPhaseDelivery() throws {
        let temp = TemporaryDirectory()
        let maildir = try Maildir(root: temp.path)
        let messages = batch(3)
        try maildir.stage(messages)
        try maildir.flushStaged()
        #expect(files(temp.file("new")).isEmpty)  // durable but not yet visible
        #expect(messages.allSatisfy { maildir.isStaged($0.name) })
        try maildir.publish(messages.map(\.name))
        #expect(files(temp.file("new")) == messages.map(\.name).sorted())
        #expect(files(temp.file("tmp")).isEmpty)
        // Publishing again (recovery after a crash just after the rename) is harmless.
        try maildir.publish(messages.map(\.name))
        #expect(files(temp.file("new")).count == 3)
        // A name that is neither staged nor present is an error: its message would be lost.
        #expect(throws: TidingsError.self) { try maildir.publish(["1.M1P1Q1.0123456789abcdef.host"]) }
    }

    @Test func discardStagedRemovesTheBatch() throws {
        let temp = TemporaryDirectory()
        let maildir = try Maildir(root: temp.path)
        let messages = batch(2)
        try maildir.stage(messages)
        maildir.discardStaged(messages.map(\.name))
        #expect(files(temp.file("tmp")).isEmpty)
    }

    @Test(arguments: ["", ".hidden", "a/b", "a:2,S", "../x"])
    func rejectsUnsafeNames(name: String) throws {
        let temp = TemporaryDirectory()
        let maildir = try Maildir(root: temp.path)
        #expect(throws: TidingsError.self) { try maildir.deliver([(name, Array("x".utf8))]) }
        #expect(files(temp.file("new")).isEmpty)
    }

    @Test func largeBatch() throws {
        let temp = TemporaryDirectory()
        let maildir = try Maildir(root: temp.path)
        let messages = batch(500)
        #expect(try maildir.deliver(messages).count == 500)
        #expect(files(temp.file("new")).count == 500)
        #expect(Set(messages.map(\.name)).count == 500)
    }

    static func chattr(_ flag: String, _ path: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chattr", flag, path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
